print("trialpipe")
