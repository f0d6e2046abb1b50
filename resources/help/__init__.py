"""The user guide, one Markdown file a chapter in each language (``en/``, ``zh_CN/``)."""
