print("rapport")
