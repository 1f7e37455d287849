/**
 * The badge's styles, scoped by its shadow root; light and dark from the reader's system setting. Not
 * indented: the text ships as written in the article script, which has a 30 kB budget.
 */
export const badgeCss = `
:host { all: initial; }
.pill {
position: absolute; top: 4px; left: 0; height: 26px; box-sizing: border-box;
display: inline-flex; align-items: center; gap: 2px;
max-width: min(92vw, 560px);
font: 500 12.5px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
color: #1f2328; background: #ffffff; border: 1px solid #d0d7de; border-radius: 999px;
box-shadow: 0 1px 3px rgba(0,0,0,.12);
white-space: nowrap;
}
.pill.in-gap { top: auto; bottom: 1px; }
.pill.corner { position: fixed; top: auto; left: auto; right: 16px; bottom: 16px; }
button { font: inherit; color: inherit; background: none; border: 0; cursor: pointer; margin: 0; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.open { display: inline-flex; align-items: center; gap: 8px; padding: 2px 4px 2px 3px; border-radius: 999px; min-width: 0; }
.mark {
display: inline-grid; place-items: center; width: 20px; height: 20px; border-radius: 50%;
background: #24292f; color: #fff; font-weight: 700; font-size: 11px;
}
.mark::before { content: "P"; }
.lean { padding: 1px 8px; border-radius: 999px; background: #eaeef2; font-weight: 600; }
.pill[data-side="L"] .lean { background: #dbeafe; color: #1e3a8a; }
.pill[data-side="C"] .lean { background: #ede9fe; color: #4c1d95; }
.pill[data-side="R"] .lean { background: #fee2e2; color: #7f1d1d; }
.summary { overflow: hidden; text-overflow: ellipsis; }
.dismiss { width: 22px; height: 22px; border-radius: 50%; font-size: 16px; line-height: 1; color: #57606a; }
.dismiss::before { content: "×"; }
.dismiss:hover { background: #eaeef2; }
@media (prefers-color-scheme: dark) {
.pill { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 1px 3px rgba(0,0,0,.5); }
.mark { background: #e6edf3; color: #161b22; }
.lean { background: #30363d; }
.pill[data-side="L"] .lean { background: #1e3a8a; color: #dbeafe; }
.pill[data-side="C"] .lean { background: #4c1d95; color: #ede9fe; }
.pill[data-side="R"] .lean { background: #7f1d1d; color: #fee2e2; }
.dismiss { color: #8b949e; }
.dismiss:hover { background: #30363d; }
button:focus-visible { outline-color: #58a6ff; }
}
`;
