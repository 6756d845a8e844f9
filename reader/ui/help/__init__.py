"""Help: the keyboard shortcuts (from the window's own actions), the offline guide and About.

:mod:`~reader.ui.help.shortcuts` lists every action with a shortcut, by menu;
:mod:`~reader.ui.help.guide` shows ``resources/guide/guide.md`` (or the guide in the
interface language, ``guide.fr.md``) in a view that loads nothing;
:mod:`~reader.ui.help.about` shows the version, the library's path and the licences of what
the app is made of (:mod:`reader.services.licences`);
:mod:`~reader.ui.help.sizing` fits the three dialogs to the screen.
:class:`~reader.ui.help.controller.HelpController` makes the Help menu's entries.
"""
