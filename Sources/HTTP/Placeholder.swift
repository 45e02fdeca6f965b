// HTTP: see README.
