// Formatters and renderers that chart options name as {"$fn": "name"} (JSON cannot hold functions). This file is
// imported by Node for the SVG images and inlined, unchanged but for the `export`, in every HTML report.
export const FNS = {
  esc: function (s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  },
  pct: function (v) {
    return v === null || v === undefined || typeof v !== 'number' || !isFinite(v) ? '—' : v.toFixed(2) + '%';
  },
  num: function (v) {
    return v === null || v === undefined || typeof v !== 'number' || !isFinite(v) ? '—' : v.toFixed(2);
  },
  times: function (v) {
    return v === null || v === undefined || typeof v !== 'number' || !isFinite(v) ? '—' : v.toFixed(3) + '×';
  },
  heatLabel: function (p) {
    var v = p.value[2];
    return v === null || v === undefined ? '' : v.toFixed(1);
  },
  heatNum: function (p) {
    var v = p.value[2];
    return v === null || v === undefined ? '' : v.toFixed(2);
  },
  heatTip: function (p) {
    var v = p.value[2];
    return FNS.esc(p.name || '') + ' ' + FNS.esc(p.data.tip || '') + ': ' + (v === null || v === undefined ? '—' : v.toFixed(2) + '%');
  },
  // Rule timeline: data items are [row, startMs, endMs, stateCode].
  ruleSegments: function (params, api) {
    var row = api.value(0);
    var start = api.coord([api.value(1), row]);
    var end = api.coord([api.value(2), row]);
    var h = api.size([0, 1])[1] * 0.6;
    var x = start[0];
    var w = Math.max(2, end[0] - start[0]);
    var cs = params.coordSys;
    var x0 = Math.max(x, cs.x);
    var x1 = Math.min(x + w, cs.x + cs.width);
    if (x1 <= x0) return null;
    return { type: 'rect', shape: { x: x0, y: start[1] - h / 2, width: x1 - x0, height: h }, style: api.style() };
  },
  ruleTip: function (p) {
    var d = p.data;
    if (d && d.summary !== undefined) return FNS.esc(d.date) + ' · ' + FNS.esc(d.trigger) + '<br>' + FNS.esc(d.summary);
    if (d && d.rule !== undefined) return FNS.esc(d.rule) + ': <b>' + FNS.esc(d.state) + '</b><br>' + FNS.esc(d.from) + ' → ' + FNS.esc(d.to);
    return '';
  },
  markTip: function (p) {
    var d = p.data;
    if (!d || d.kind === undefined) return '';
    return FNS.esc(d.date) + ' · ' + FNS.esc(d.kind) + ' (' + FNS.esc(d.side) + ' ' + FNS.esc(d.qty) + ' @ ' + FNS.esc(d.value[1]) + ')';
  },
  scatterTip: function (p) {
    var d = p.data;
    return d && d.tip !== undefined ? FNS.esc(d.tip) : '';
  },
};
