// Imported first by main.ts: the User Timing mark of the moment the app's modules begin to run,
// after the page has fetched and parsed them (read by `make bench`, issue 20).
performance.mark("pejling:eval");
