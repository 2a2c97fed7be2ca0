// The HTML report's stylesheet (screen and print). Colours of verdicts and
// cause kinds are defined once here and used by the table, the legend and
// the SVG (SVG takes fill from CSS classes, so the page needs no inline
// style attributes, which its Content-Security-Policy would refuse).
#include "report/report_html_internal.hpp"

namespace logcorr::html {

namespace {

constexpr std::string_view kStyle = R"CSS(
:root {
  --fg: #1d2126; --muted: #5c6670; --line: #d5dbe1; --bg: #ffffff; --lane: #f5f7f9;
  --lane2: #fbfcfd; --accent: #1f5fa8;
  --v-broker-restart: #2f7ed8; --v-broker-crash: #d62728; --v-oom-kill: #8e44ad;
  --v-gc-pause: #e07b00; --v-idle-close: #2e9e44; --v-listener-misconfig: #c2185b;
  --v-unexplained: #6b7280;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1600px; padding: 16px 24px 32px; color: var(--fg);
  background: var(--bg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 22px; margin: 4px 0; }
h2 { font-size: 17px; margin: 22px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 3px; }
h3 { font-size: 15px; margin: 12px 0 4px; }
h4 { font-size: 13px; margin: 10px 0 4px; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
.sub { margin: 0 0 6px; color: var(--muted); }
.notes { margin: 4px 0; padding-left: 18px; color: var(--muted); font-size: 12.5px; }
.hint { color: var(--muted); font-size: 12.5px; }
.noscript { padding: 8px 12px; background: #fff4d6; border: 1px solid #e8c96a; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
table#bursts { border-collapse: collapse; width: 100%; font-size: 13px; }
#bursts th, #bursts td { border-bottom: 1px solid var(--line); padding: 5px 7px; text-align: left;
  vertical-align: top; }
#bursts th { background: var(--lane); font-weight: 600; white-space: nowrap; }
#bursts tbody tr { cursor: pointer; }
#bursts tbody tr:hover, #bursts tbody tr.selected { background: #eef4fb; }
#bursts td.num { text-align: right; white-space: nowrap; }
#bursts td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
#bursts ul { margin: 0; padding-left: 16px; }
.chip { display: inline-block; padding: 1px 7px; border-radius: 9px; color: #fff; font-size: 12px;
  font-weight: 600; white-space: nowrap; background: var(--v-unexplained); }
.chip.v-broker-restart { background: var(--v-broker-restart); }
.chip.v-broker-crash { background: var(--v-broker-crash); }
.chip.v-oom-kill { background: var(--v-oom-kill); }
.chip.v-gc-pause { background: var(--v-gc-pause); }
.chip.v-idle-close { background: var(--v-idle-close); }
.chip.v-listener-misconfig { background: var(--v-listener-misconfig); }
.controls { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
.controls button, #toggle-evidence, .linkbtn { font: inherit; padding: 2px 10px; border: 1px solid var(--line);
  background: var(--lane); border-radius: 4px; cursor: pointer; color: var(--fg); }
.controls button:hover { background: #e8eef5; }
.controls label { margin-left: 12px; }
#tz-msg { color: var(--v-broker-crash); font-size: 12.5px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted);
  margin: 4px 0 6px; align-items: center; }
.legend svg { vertical-align: middle; margin-right: 4px; }
#chart { border: 1px solid var(--line); border-radius: 4px; overflow: hidden; cursor: grab;
  user-select: none; touch-action: none; }
#chart.dragging { cursor: grabbing; }
#chart:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
#chart svg { display: block; font-size: 11px; }
svg text { fill: var(--fg); }
svg .lane-bg { fill: var(--lane); }
svg .lane-bg.alt { fill: var(--lane2); }
svg .lane-bg.hl { fill: #e9f1fb; }
svg .lane-label { font-weight: 600; font-size: 12px; }
svg .lane-detail { fill: var(--muted); font-size: 10.5px; }
svg .axis-line { stroke: #e2e6ea; stroke-width: 1; }
svg .axis-text { fill: var(--muted); font-size: 10.5px; }
svg .axis-corner { fill: var(--muted); font-size: 10.5px; }
svg .sep { stroke: var(--line); }
svg .gap { fill: url(#hatch); }
svg .cov { fill: #9fb7cc; }
svg .cov-gap { fill: url(#hatch-dark); }
svg .density { fill: #4a5968; }
svg .density.broker { fill: #8a96a3; }
svg .band { fill-opacity: .16; stroke-opacity: .75; stroke-width: 1; cursor: pointer; }
svg .band.selected, svg .band.hl { fill-opacity: .32; stroke-width: 2; }
svg .chipbox { cursor: pointer; }
svg .chiptext { fill: #fff; font-size: 10.5px; font-weight: 700; pointer-events: none; }
svg .v-broker-restart { fill: var(--v-broker-restart); stroke: var(--v-broker-restart); }
svg .v-broker-crash { fill: var(--v-broker-crash); stroke: var(--v-broker-crash); }
svg .v-oom-kill { fill: var(--v-oom-kill); stroke: var(--v-oom-kill); }
svg .v-gc-pause { fill: var(--v-gc-pause); stroke: var(--v-gc-pause); }
svg .v-idle-close { fill: var(--v-idle-close); stroke: var(--v-idle-close); }
svg .v-listener-misconfig { fill: var(--v-listener-misconfig); stroke: var(--v-listener-misconfig); }
svg .v-unexplained { fill: var(--v-unexplained); stroke: var(--v-unexplained); }
svg .cause-mark { cursor: pointer; }
svg .cause-mark .iv { stroke-width: 1; }
svg .cause-mark.alt .iv, svg .cause-mark.alt .pt { fill-opacity: .25; stroke-dasharray: 3 2; }
svg .cause-mark.selected .iv, svg .cause-mark.hl .iv, svg .cause-mark.selected .pt,
svg .cause-mark.hl .pt { stroke: #000; stroke-width: 2; }
svg .k-down { fill: #3d8bd9; stroke: #1d5f9e; }
svg .k-crash { fill: #d62728; stroke: #8c1010; }
svg .k-oom { fill: #8e44ad; stroke: #5b2374; }
svg .k-gc { fill: #e07b00; stroke: #9a5400; }
svg .k-other { fill: #6b7280; stroke: #3f444c; }
svg .link { fill: none; stroke: #555; stroke-width: 1; stroke-dasharray: 4 3; opacity: .55;
  pointer-events: none; }
svg .link.alt { opacity: .18; }
svg .link.hl { opacity: 1; stroke-width: 1.5; stroke: #000; }
svg .hit { fill: transparent; }
svg :focus { outline: none; }
svg .cause-mark:focus .iv, svg .cause-mark:focus .pt, svg .band:focus { stroke: var(--accent); stroke-width: 3; }
#tooltip { position: fixed; z-index: 10; max-width: 560px; padding: 6px 9px; background: #1d2126;
  color: #fff; border-radius: 4px; font-size: 12px; pointer-events: none; white-space: pre-wrap;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.evidence { margin: 4px 0 8px; border-left: 3px solid var(--line); padding-left: 8px; }
.ev { margin: 3px 0; font-size: 12px; }
.ev .loc { font-family: ui-monospace, Menlo, Consolas, monospace; color: var(--accent); margin-right: 8px; }
.ev .ts { color: var(--muted); margin-right: 8px; font-variant-numeric: tabular-nums; }
.ev .kind { color: var(--muted); margin-right: 8px; font-style: italic; }
.ev .text { display: block; white-space: pre-wrap; word-break: break-all; background: var(--lane);
  padding: 2px 5px; border-radius: 3px; }
.cause { margin: 6px 0 10px; }
.cause .meta { color: var(--muted); font-size: 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; font-size: 13px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.burst-block { border-top: 1px solid var(--line); padding-top: 4px; break-inside: avoid-page; }
.collapsed { display: none; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 11px; }
  .controls, .hint, #tooltip, #details, #toggle-evidence, #chart:focus { display: none !important; }
  #chart { border: none; overflow: visible; }
  #chart svg { width: 100% !important; height: auto !important; }
  #all-evidence-body.collapsed { display: block; }
  #bursts tr, .cause, .ev { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ev .text { background: none; border-left: 2px solid var(--line); }
}
)CSS";

}  // namespace

std::string_view style() {
  return kStyle;
}

}  // namespace logcorr::html
