print("workplace-routine")
