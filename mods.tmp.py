import json,re,os,sys
def mods(root, idxname):
    st=json.load(open(root+'/dist/client/stats.json'))
    d=root+'/dist/client/browser'
    idx=open(d+'/'+idxname).read()
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
    agg={}
    for out,info in st['outputs'].items():
        if os.path.basename(out) not in seen: continue
        for inp,v in info.get('inputs',{}).items():
            k=re.sub(r'^.*?node_modules/','node_modules/',inp); agg[k]=agg.get(k,0)+v['bytesInOutput']
    return agg
a=mods('/work/wt/pre10','index.html')
b=mods('/work/main','index.csr.html')
keys=set(a)|set(b)
diff=sorted(((b.get(k,0)-a.get(k,0)),k) for k in keys)
for d,k in diff[-25:]: print(d,k)
print('total raw', sum(a.values()), sum(b.values()))
