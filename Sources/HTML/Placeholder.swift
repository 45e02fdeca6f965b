// HTML: see README.
