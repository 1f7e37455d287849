import type { ComponentChildren } from 'preact';

/** The story pages' top bar: Parallax's mark and the page's name, and a link on the right. */
export function PageTop({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="page-top">
      <span class="brand">
        <span class="mark" aria-hidden="true">
          P
        </span>{' '}
        {title}
      </span>
      {children}
    </header>
  );
}
