/**
 * The chip's style sheet, scoped by its shadow root and given to a chip only once the reader points at it
 * or focuses it (its look is the button's own style, chip-look.ts): the tooltip, the focus ring and the
 * raise while the tooltip shows. Rules on the button are important, to win over its style attribute.
 * Light and dark from the reader's system setting.
 */
export const chipCss = `
:host { all: initial; }
/* The host is a stacking context (its layout containment): the tooltip's z-index counts only inside it,
   so the host itself is raised, and positioned for that, while its tooltip can show. Only then: a
   positioned box costs the browser a paint layer, and a page holds hundreds of chips. Important, to
   win over the host's own style attribute. */
:host(:hover), :host(:focus-within) { position: relative !important; z-index: 2147483000 !important; }
.chip:focus-visible { outline: 2px solid #0969da !important; outline-offset: 1px !important; }
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
  .chip:focus-visible { outline-color: #58a6ff !important; }
  .tip { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 2px 8px rgba(0,0,0,.5); }
}
`;
