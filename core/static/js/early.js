/* Runs before the first paint (a blocking script of a few bytes, no inline script under the CSP): with
   the "js" class already set, phones get the collapsed menu and the "Cerca" button at once, not after
   site.js runs, so the header never jumps (Lighthouse's layout shift). */
document.documentElement.className = document.documentElement.className.replace("no-js", "js");
