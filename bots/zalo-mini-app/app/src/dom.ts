type Child = Node | string | null | undefined | false;

/** Creates an element; text goes in as text nodes only (never HTML), so names from users cannot inject markup. */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function button(label: string, onClick: () => void | Promise<void>, cls = 'btn'): HTMLButtonElement {
  const b = h('button', { type: 'button', class: cls }, label) as HTMLButtonElement;
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await onClick();
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/** Replaces the screen. */
export function show(...nodes: Child[]): void {
  const root = document.getElementById('app')!;
  root.replaceChildren(...nodes.filter((n): n is Node | string => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}
