import re,gzip,os,sys
d=sys.argv[1] if len(sys.argv)>1 else 'dist/client/browser'
idx=open(d+'/index.html').read()
files=re.findall(r'(?:href|src)="([^"]+\.(?:js|css))"',idx)
seen=set()
def walk(f):
    if f in seen: return
    seen.add(f)
    if f.endswith('.js'):
        s=open(os.path.join(d,f)).read()
        for m in re.findall(r'from"\./([^"]+\.js)"|import"\./([^"]+\.js)"',s):
            walk(m[0] or m[1])
for f in files: walk(f)
tot=sum(len(gzip.compress(open(os.path.join(d,f),'rb').read(),9)) for f in seen)
print('static closure of index', len(seen), round(tot/1024,1))
