"""Privacy in the window: the passphrase dialog, and the Library menu's Encrypt…, Change
Passphrase…, Decrypt…, Lock Now and locking when idle (:mod:`.controller`)."""
