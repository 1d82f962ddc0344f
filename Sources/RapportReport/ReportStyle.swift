/// The report's stylesheet, inlined in the page: screen, phone width (≤ 640 px) and print.
enum ReportStyle {
    static let css = """
        :root { --ink: #1f2933; --muted: #5f6b76; --line: #d9e2ec; --strong: #1a4f9c; --medium: #5b8fd6;
          --weak: #9e9e9e; --accent: #f48fb1; --bar: #2e7d32; --paper: #ffffff; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
        header.page, main, footer.page { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
        header.page { padding-top: 24px; border-bottom: 3px solid var(--strong); }
        h1 { margin: 0 0 4px; font-size: 1.8em; overflow-wrap: anywhere; }
        h2 { margin: 0 0 12px; font-size: 1.3em; color: var(--strong); }
        .meta, .note, .empty, figcaption, footer.page { color: var(--muted); }
        .report-section { padding: 20px 0; border-bottom: 1px solid var(--line); }
        .stats { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
        .stat { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
        .stat .value { display: block; font-size: 1.8em; font-weight: 600; }
        .stat .label { color: var(--muted); }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line);
          overflow-wrap: anywhere; }
        th { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .swatch { display: inline-block; width: 28px; height: 0; margin-right: 8px; vertical-align: middle;
          border-top: 3px solid var(--weak); }
        .swatch.tier-strong { border-top: 5px solid var(--strong); }
        .swatch.tier-medium { border-top: 3px solid var(--medium); }
        .swatch.tier-weak { border-top: 2px dashed var(--weak); }
        ol.bars { list-style: none; margin: 0; padding: 0; }
        .bar-row { display: grid; grid-template-columns: minmax(120px, 220px) 1fr 48px; gap: 4px 12px;
          align-items: center; padding: 6px 0; border-bottom: 1px solid var(--line); }
        .bar-label { font-weight: 600; overflow-wrap: anywhere; }
        .bar { height: 14px; background: #eceff1; border-radius: 7px; overflow: hidden; }
        .bar .fill { display: block; height: 100%; background: var(--bar); border-radius: 7px;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .bar-value { text-align: right; font-variant-numeric: tabular-nums; }
        .carriers { grid-column: 2 / 4; font-size: 0.88em; color: var(--muted); }
        .strength { color: var(--muted); font-variant-numeric: tabular-nums; }
        .title { color: var(--muted); font-size: 0.9em; }
        .action { margin: 0 0 4px; }
        .path, .shared, .breakdown, .alternatives { margin: 0 0 2px; font-size: 0.88em; }
        .path .you { font-weight: 600; }
        .arrow { color: var(--accent); font-weight: 700; }
        .breakdown { color: var(--muted); }
        figure.diagram { margin: 0 0 24px; }
        figure.diagram .svg { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
        figure.diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        footer.page { padding: 16px 20px 32px; font-size: 0.85em; }
        @media (max-width: 640px) {
          body { font-size: 14px; }
          header.page, main, footer.page { padding-left: 12px; padding-right: 12px; }
          .bar-row { grid-template-columns: 1fr 44px; }
          .bar-label { grid-column: 1 / 3; }
          .carriers { grid-column: 1 / 3; }
          #suggestion-table thead, #keep-warm-table thead { display: none; }
          #suggestion-table tr, #keep-warm-table tr { display: block; padding: 8px 0; border-bottom: 1px solid var(--line); }
          #suggestion-table td, #keep-warm-table td { display: block; border: 0; padding: 2px 0; text-align: left; }
          #suggestion-table td:nth-child(1), #suggestion-table td:nth-child(2) { display: inline-block; }
          #suggestion-table td:nth-child(1) { margin-right: 6px; font-weight: 700; }
          #suggestion-table td:nth-child(1)::before { content: "#"; }
          #suggestion-table td:nth-child(4)::before { content: "score "; color: var(--muted); }
          #keep-warm-table td:nth-child(3)::before { content: "strength now "; color: var(--muted); }
          #keep-warm-table td:nth-child(4)::before { content: "peak "; color: var(--muted); }
          #keep-warm-table td:nth-child(5)::before { content: "last contact "; color: var(--muted); }
        }
        @media print {
          body { font-size: 11pt; }
          header.page, main, footer.page { max-width: none; padding: 0; }
          .report-section { break-before: page; page-break-before: always; border: 0; }
          #summary { break-before: auto; page-break-before: auto; }
          tr, .bar-row, figure.diagram { break-inside: avoid; page-break-inside: avoid; }
          figure.diagram .svg { border: 0; overflow: visible; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
