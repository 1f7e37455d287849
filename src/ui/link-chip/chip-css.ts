/** The link chip's styles, scoped by its shadow root; light and dark from the reader's system setting. */
export const chipCss = `
:host { all: initial; }
/* The host is a stacking context (its layout containment): the tooltip's z-index counts only inside it,
   so the host itself is raised, and positioned for that, while its tooltip can show. Only then: a
   positioned box costs the browser a paint layer, and a page holds hundreds of chips. Important, to
   win over the host's own style attribute. */
:host(:hover), :host(:focus-within) { position: relative !important; z-index: 2147483000 !important; }
.chip {
  all: unset; box-sizing: border-box; display: flex; align-items: center; justify-content: center;
  width: 100%; height: 100%; padding: 0 0.3em; border-radius: 999px; cursor: default;
  font: 600 0.78em/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: nowrap;
  color: #1f2328; background: #eaeef2;
}
.chip[data-side="L"] { background: #dbeafe; color: #1e3a8a; }
.chip[data-side="C"] { background: #ede9fe; color: #4c1d95; }
.chip[data-side="R"] { background: #fee2e2; color: #7f1d1d; }
.chip.quiet { padding: 0; background: transparent; }
.chip.compact { padding: 0; }
.chip.quiet::before {
  content: ""; display: block; flex: none; width: 0.6em; height: 0.6em; border-radius: 50%;
  border: 1px solid #8c959f; box-sizing: border-box;
}
.chip:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.tip {
  display: none; position: absolute; top: calc(100% + 4px); left: 0; z-index: 2147483000;
  width: max-content; max-width: min(300px, 80vw); box-sizing: border-box; padding: 6px 9px;
  font: 400 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: normal; text-align: left;
  color: #1f2328; background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.15);
}
.tip strong { display: block; font-weight: 600; }
.tip span { display: block; }
:host(:hover) .tip, .chip:focus-visible + .tip, .chip[aria-expanded="true"] + .tip { display: block; }
@media (prefers-color-scheme: dark) {
  .chip { color: #e6edf3; background: #30363d; }
  .chip[data-side="L"] { background: #1e3a8a; color: #dbeafe; }
  .chip[data-side="C"] { background: #4c1d95; color: #ede9fe; }
  .chip[data-side="R"] { background: #7f1d1d; color: #fee2e2; }
  .chip.quiet { background: transparent; }
  .chip.quiet::before { border-color: #8b949e; }
  .chip:focus-visible { outline-color: #58a6ff; }
  .tip { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 2px 8px rgba(0,0,0,.5); }
}
`;
