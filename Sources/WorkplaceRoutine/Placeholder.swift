// WorkplaceRoutine: see README.
