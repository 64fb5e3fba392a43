import TrialpipeCLI

await TrialpipeMain.run()
