"""The window's field packs: export, import with a preview, the team folder, conflict copies."""
