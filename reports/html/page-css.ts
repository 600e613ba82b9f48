/** The reports' one stylesheet (inline, allowed by hash in the page's CSP). */
export const PAGE_CSS = `
:root { --ink:#0f172a; --muted:#475569; --line:#e2e8f0; --bg:#f8fafc; --card:#fff; --accent:#2563eb; --good:#15803d; --bad:#b91c1c; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
main { max-width:1280px; margin:0 auto; padding:20px 24px 48px; }
h1 { font-size:24px; margin:0 0 4px; word-break:break-word; }
h2 { font-size:17px; margin:28px 0 10px; padding-bottom:4px; border-bottom:1px solid var(--line); }
h3 { font-size:14px; margin:16px 0 6px; }
p { margin:6px 0; }
.lede { color:var(--muted); max-width:900px; }
.banner { margin:12px 0; padding:10px 14px; border-radius:6px; font-weight:600; }
.banner.synthetic { background:#fee2e2; color:#7f1d1d; border:1px solid #fca5a5; }
.banner.trials { background:#fef3c7; color:#78350f; border:1px solid #fcd34d; }
.banner.few { background:#fef3c7; color:#78350f; border:1px solid #fcd34d; }
.kpis { display:grid; grid-template-columns:repeat(auto-fill,minmax(150px,1fr)); gap:10px; margin:14px 0; }
.kpi { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 12px; }
.kpi .k { font-size:11px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
.kpi .v { font-size:20px; font-weight:650; margin-top:2px; }
.kpi .s { font-size:11px; color:var(--muted); }
.grid { display:flex; flex-wrap:wrap; gap:12px; }
.chart { background:var(--card); border:1px solid var(--line); border-radius:8px; width:100%; min-height:200px; }
.chart.half { width:calc(50% - 6px); }
@media (max-width:900px) { .chart.half { width:100%; } }
table { border-collapse:collapse; background:var(--card); font-size:12.5px; margin:6px 0 10px; }
th, td { border:1px solid var(--line); padding:4px 8px; text-align:right; white-space:nowrap; }
th:first-child, td:first-child { text-align:left; }
td.text, th.text { text-align:left; white-space:normal; min-width:240px; }
thead th { background:#f1f5f9; font-weight:600; }
tbody tr:nth-child(even) td { background:#fbfdff; }
.pos { color:var(--good); } .neg { color:var(--bad); }
.scroll { overflow-x:auto; max-width:100%; }
.tall { max-height:480px; overflow:auto; }
code { font-size:12px; background:#f1f5f9; padding:0 3px; border-radius:3px; word-break:break-all; }
ul.log { padding-left:18px; } ul.log li { margin:2px 0; }
.muted { color:var(--muted); }
footer { margin-top:36px; color:var(--muted); font-size:12px; }
`;
