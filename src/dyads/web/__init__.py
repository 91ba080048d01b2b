"""What dyads shows in a browser: the self-contained HTML report's template and static assets (written
for dyads, no third-party scripts), shared with the dashboard."""
