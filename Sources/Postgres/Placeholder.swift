// Postgres: see README.
