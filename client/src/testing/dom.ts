/** Finds elements the way a person would: by their visible name. */

export function button(root: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((element) => matches(element, name));
  if (!found) {
    throw new Error(`No button named ${name}`);
  }
  return found;
}

export function buttonsNamed(root: HTMLElement, name: string | RegExp): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll('button')).filter((element) => matches(element, name));
}

export function link(root: HTMLElement, name: string | RegExp): HTMLAnchorElement {
  const found = Array.from(root.querySelectorAll('a')).find((element) => matches(element, name));
  if (!found) {
    throw new Error(`No link named ${name}`);
  }
  return found;
}

/** The input of the Material form field whose label reads `label`. */
export function field(root: HTMLElement, label: string): HTMLInputElement {
  const formField = Array.from(root.querySelectorAll('mat-form-field')).find(
    (element) => element.querySelector('mat-label')?.textContent?.trim() === label,
  );
  const input = formField?.querySelector('input');
  if (!input) {
    throw new Error(`No field labelled ${label}`);
  }
  return input;
}

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** The words in an element, with a space between neighbouring elements as a screen reader reads them. */
export function text(element: Element | null | undefined): string {
  if (!element) {
    return '';
  }
  const words: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    words.push(node.textContent ?? '');
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

function matches(element: HTMLElement, name: string | RegExp): boolean {
  const label = text(element);
  return typeof name === 'string' ? label === name : name.test(label);
}

/** Lets promise chains started by a response finish, then waits for rendering. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await fixture.whenStable();
}
