/** Styles of the index page; kept apart so the markup stays readable. */
export const INDEX_PAGE_CSS = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{margin:0 0 4px;font-size:24px} h2{margin:28px 0 4px;font-size:18px}
.muted{color:#667085} .note{background:#f4f6fa;border-left:3px solid #80b1d3;padding:6px 10px}
nav a{color:#1d4ed8;text-decoration:none} a{color:#1d4ed8}
.legend{list-style:none;padding:0;margin:6px 0 10px;display:flex;flex-wrap:wrap;gap:6px 18px}
.legend li{display:flex;align-items:center;gap:6px}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;border:1px solid rgba(0,0,0,.25)}
.weeks{border:1px solid #d0d5dd;border-radius:6px;overflow:hidden}
.week{display:flex;align-items:stretch;height:26px;border-top:1px solid #eaecf0}
.week.head{border-top:0;height:22px;background:#f9fafb;font-size:12px;color:#475467}
.label{flex:0 0 64px;padding:4px 8px;font-size:12px;color:#475467;white-space:nowrap;background:#f9fafb;border-right:1px solid #eaecf0}
.track{position:relative;flex:1;background:repeating-linear-gradient(135deg,#fff 0 6px,#fde2e1 6px 9px)}
.week.head .track{background:none}
.week.head .track span{position:absolute;top:3px;padding-left:6px}
.track .day{position:absolute;top:0;bottom:0;border-left:1px solid rgba(0,0,0,.08);z-index:2}
.track .outside{position:absolute;top:0;bottom:0;background:#f2f4f7;z-index:1}
.gap{background:repeating-linear-gradient(135deg,#fff 0 3px,#f5a3a0 3px 5px)}
.shift{position:absolute;top:2px;bottom:2px;border-radius:4px;padding:0 6px;font-weight:500;font-size:12px;line-height:22px;
  white-space:nowrap;overflow:hidden;text-overflow:ellipsis;box-shadow:inset 0 0 0 1px rgba(0,0,0,.18);z-index:3;box-sizing:border-box}
.shift.override{box-shadow:inset 0 0 0 2px #1d2939;font-style:italic}
.today{position:absolute;top:-2px;bottom:-2px;border:2px solid #d92d20;border-radius:4px;z-index:4;box-sizing:border-box;pointer-events:none}
.today em{position:absolute;top:-12px;left:2px;font:600 10px/12px system-ui,sans-serif;font-style:normal;color:#fff;background:#d92d20;padding:0 4px;border-radius:3px}
.week.current .label{font-weight:700;color:#d92d20}
.week.current{overflow:visible}
.feeds table{border-collapse:collapse;margin:10px 0 18px;min-width:70%}
.feeds th,.feeds td{text-align:left;padding:4px 10px;border-bottom:1px solid #eaecf0;font-weight:normal}
.feeds thead th{font-weight:600;background:#f9fafb}
code{background:#f2f4f7;padding:1px 4px;border-radius:3px}
.load-chart{display:block;margin:4px 0 12px;font-size:13px} .load-chart .total{fill:#475467;font-size:12px} h3{margin:16px 0 2px;font-size:15px}
`
