// Notifier: see README.
