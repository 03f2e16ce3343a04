/** The site's one stylesheet: newspaper layout, light/dark, print. Served content-hashed by `stylesheet()`. */
export const SITE_CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#575757;--rule:#d9d6cf;--card:#f6f4ef;--accent:#a3161a;--on-accent:#fff;--box:#fbf6e9;--box-rule:#7a5500;--link:#0a4d8c;--focus:#1a5fb4;--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Times New Roman",serif;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ebe8e3;--muted:#b3aea6;--rule:#3b3935;--card:#1d1c1a;--accent:#ff8f87;--on-accent:#121212;--box:#221e14;--box-rule:#e0b050;--link:#8fc3ff;--focus:#8fc3ff}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.65 var(--sans);overflow-wrap:break-word}
a{color:var(--link);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
img{max-width:100%;height:auto}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.measure{max-width:68ch;margin:0 auto;padding:0 1rem}
.skip-link{position:absolute;left:1rem;top:-10rem;z-index:10;padding:.5rem 1rem;background:var(--bg);color:var(--fg);border:2px solid var(--focus)}
.skip-link:focus{top:1rem}
.site-header{border-bottom:3px double var(--rule);padding:1rem 0;text-align:center}
.brand{font:700 clamp(1.5rem,5vw,2.25rem)/1.1 var(--serif);color:var(--fg);text-decoration:none;letter-spacing:-.01em}
.site-nav ul{display:flex;flex-wrap:wrap;justify-content:center;gap:0 1rem;list-style:none;margin:.5rem 0 0;padding:0;font:600 .9375rem var(--sans)}
.site-nav a,.front a{color:var(--fg);text-decoration:none}
.site-nav a{display:inline-block;padding:.5rem 0}
.site-nav a:hover,[aria-current],.front a:hover{text-decoration:underline}
.badge{padding:0 .3em;background:var(--accent);color:var(--on-accent);font:700 .75rem var(--sans)}
.front-top,.blocks{display:grid;gap:1.5rem;padding-bottom:1.5rem;border-bottom:1px solid var(--rule)}
.blocks{grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));padding-top:1.5rem}
.front h2{margin:.25rem 0 .5rem;font-size:1.2rem}
.lead h2{font-size:clamp(1.6rem,4vw,2.4rem)}
.front img{margin-bottom:.75rem}
.front ol{list-style:none;padding:0}
.front ol>li{padding:.5rem 0;border-bottom:1px solid var(--rule);font:1rem/1.4 var(--serif)}
.block h2{padding-top:.5rem;border-top:3px solid var(--fg)}
.latest .meta{display:block}
.figure img:not([width]),.front img:not([width]){aspect-ratio:3/2;object-fit:cover}
.site-footer{border-top:1px solid var(--rule);margin-top:3rem;padding:1.5rem 0;color:var(--muted);font-size:.875rem;text-align:center}
main{display:block;padding:1.5rem 0 1rem}
h1,h2,h3,h4{font-family:var(--serif);line-height:1.2;margin:2rem 0 .75rem}
h1{font-size:clamp(1.75rem,4.5vw + .5rem,2.75rem);margin-top:.25rem;letter-spacing:-.015em}
h2{font-size:1.375rem}
h3{font-size:1.15rem}
p,ul,ol,figure,blockquote,pre,table{margin:0 0 1.1rem}
.kicker,.label,.meta,.byline-block,figcaption,.tags{font-family:var(--sans)}
.kicker{margin:0;color:var(--accent);font-size:.8125rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase}
.dek{font:1.25rem/1.45 var(--serif);color:var(--muted);margin-bottom:1.5rem}
.preview-note{padding:.75rem;border:2px dashed var(--accent)}
.correction{border:1px solid var(--accent);border-left-width:4px;padding:.75rem 1rem;border-radius:.25rem}
.figure{margin:1.5rem 0}
.figure img,.front img{display:block;width:100%;border-radius:.25rem}
.figure-text{padding:1.25rem;background:var(--card);border:1px dashed var(--rule);border-radius:.5rem}
.figure-description{margin:0;font-style:italic}
figcaption{margin-top:.5rem;color:var(--muted);font-size:.875rem}
.credit{margin-left:.5em;text-transform:uppercase;font-size:.75rem;letter-spacing:.05em}
.takeaways ol{list-style:none;counter-reset:takeaway;padding:0;display:grid;gap:.75rem}
.takeaways li{counter-increment:takeaway;position:relative;padding:.9rem 1rem .9rem 3.5rem;background:var(--card);border:1px solid var(--rule);border-radius:.5rem}
.takeaways li::before{content:counter(takeaway);position:absolute;inset-inline-start:1rem;top:.85rem;width:1.75rem;height:1.75rem;border-radius:50%;background:var(--accent);color:var(--on-accent);font-weight:700;font-size:.875rem;line-height:1.75rem;text-align:center}
[dir=rtl] .takeaways li{padding:.9rem 3.5rem .9rem 1rem}
.analysis{margin:2rem 0;padding:1.25rem 1.5rem;background:var(--box);border:1px solid var(--rule);border-inline-start:5px solid var(--box-rule);border-radius:.5rem}
.analysis .label{margin:0;color:var(--box-rule);font-size:.8125rem;font-weight:700;letter-spacing:.1em;text-transform:uppercase}
.analysis h2{margin-top:.25rem}
.analysis-body>:last-child{margin-bottom:0}
.byline-block{border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);padding:.75rem 0;margin:2rem 0 1.5rem;font-size:.9375rem}
.byline-block p{margin:0}
.byline{font-weight:700}
.publication,.meta{color:var(--muted)}
.meta time{white-space:nowrap}
.article-body{font:1.125rem/1.7 var(--serif)}
.article-body blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:3px solid var(--rule);color:var(--muted)}
.article-body pre{overflow-x:auto;padding:1rem;background:var(--card)}
.article-body table{border-collapse:collapse;display:block;overflow-x:auto}
.article-body th,.article-body td{border:1px solid var(--rule);padding:.375rem .625rem}
.align-left{text-align:left}.align-center{text-align:center}.align-right{text-align:right}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;font-size:.8125rem}
.tags li{padding:.125rem .625rem;border:1px solid var(--rule);border-radius:1rem;color:var(--muted)}
.share ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.share a{display:inline-block;padding:.5rem .875rem;border:1px solid var(--rule);border-radius:2rem;font:600 .875rem/1.2 var(--sans);text-decoration:none}
.share a:hover{background:var(--card)}
.related{border-top:3px double var(--rule);margin-top:2.5rem}
.related ol,.article-list{list-style:none;padding:0}
.related li{padding:.75rem 0;border-bottom:1px solid var(--rule)}
.related a{font:700 1.125rem/1.3 var(--serif)}
.related .section-name{display:block;color:var(--muted);font-size:.8125rem}
.empty{color:var(--muted);font-style:italic}
.article-list>li{padding:1.25rem 0;border-bottom:1px solid var(--rule)}
.article-list h2{margin:.25rem 0 .5rem;font-size:clamp(1.25rem,3vw,1.625rem)}
.article-list h2 a{color:var(--fg);text-decoration:none}
.article-list h2 a:hover{text-decoration:underline}
.article-list .dek,.front .dek{font-size:1.0625rem;margin-bottom:.5rem}
.article-list .meta,.front .meta{margin:0;font-size:.875rem}
.kicker a{color:inherit;text-decoration:none}
.kicker a:hover{text-decoration:underline}
.byline a{color:var(--fg)}
.tags a{color:inherit;text-decoration:none}
.tags a:hover{text-decoration:underline}
.copy-status{margin:0;min-height:1.5em;color:var(--muted);font-size:.875rem}
.pager ul{display:flex;justify-content:space-between;gap:1rem;list-style:none;padding:1rem 0 0;margin:0;font-family:var(--sans)}
.pager a{display:inline-block;padding:.5rem 1rem;border:1px solid var(--rule);border-radius:2rem;text-decoration:none;font-weight:600}
.footer-links{display:flex;flex-wrap:wrap;justify-content:center;gap:1rem;list-style:none;padding:0;margin:.5rem 0 0}
.footer-links a{color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
@media (min-width:48rem){body{font-size:1.125rem}.takeaways ol{grid-template-columns:1fr 1fr}.front-top{grid-template-columns:2fr 1fr}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--rule:#999;--card:#fff;--box:#fff;--accent:#000;--on-accent:#fff;--box-rule:#000;--link:#000}
body{font:11pt/1.5 var(--serif)}
.skip-link,.share,.site-footer,.related,.pager,.site-nav{display:none}
.measure,.wrap{max-width:none;padding:0}
a{text-decoration:none}
.article-body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}
.takeaways li,.analysis,figure{break-inside:avoid}
h1,h2,h3{break-after:avoid}}
`;
