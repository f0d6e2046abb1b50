"""The application's icon and the tool bar's icons, as SVG drawings."""
