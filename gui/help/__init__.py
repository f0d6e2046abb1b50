"""The Help menu: the user guide read offline from ``resources/help`` in the interface
language (:mod:`~gui.help.guide`), the keyboard shortcuts listed from the window's own actions
(:mod:`~gui.help.shortcuts`), and About: the version, the libraries with their licences and
where data is kept (:mod:`~gui.help.about`). :mod:`~gui.help.menu` builds the menu and keeps
the windows it opens."""
