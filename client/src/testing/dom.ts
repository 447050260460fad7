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

function formField(root: HTMLElement, label: string): Element | undefined {
  return Array.from(root.querySelectorAll('mat-form-field')).find(
    (element) => element.querySelector('mat-label')?.textContent?.trim() === label,
  );
}

/** The input (or text area) of the Material form field whose label reads `label`. */
export function field(root: HTMLElement, label: string): HTMLInputElement | HTMLTextAreaElement {
  const input = formField(root, label)?.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    'input, textarea',
  );
  if (!input) {
    throw new Error(`No field labelled ${label}`);
  }
  return input;
}

export function hasField(root: HTMLElement, label: string): boolean {
  return formField(root, label) !== undefined;
}

/** The native select of the Material form field whose label reads `label`. */
export function select(root: HTMLElement, label: string): HTMLSelectElement {
  const found = formField(root, label)?.querySelector('select');
  if (!found) {
    throw new Error(`No select labelled ${label}`);
  }
  return found;
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** Chooses the option that reads `optionText`, as a person picking from the list. */
export function choose(element: HTMLSelectElement, optionText: string): void {
  const option = Array.from(element.options).find((candidate) => text(candidate) === optionText);
  if (!option) {
    throw new Error(`No option ${optionText}`);
  }
  element.value = option.value;
  element.dispatchEvent(new Event('change'));
}

/** The checkbox or radio button of the Material control that reads `label`. */
export function toggle(root: HTMLElement, label: string): HTMLInputElement {
  const control = Array.from(root.querySelectorAll('mat-checkbox, mat-radio-button')).find(
    (element) => text(element) === label,
  );
  const input = control?.querySelector('input');
  if (!input) {
    throw new Error(`No checkbox or radio button labelled ${label}`);
  }
  return input;
}

/** Submits a form as pressing Enter in one of its fields does. */
export function pressEnterIn(input: HTMLElement): void {
  input.closest('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
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
