/**
 * Cytoscape adds a one-rule <style> element to <head> unless an element with its id
 * already exists; a strict CSP (style-src 'self') would block it. The rule it would
 * add lives in graph.css instead, and a placeholder claims the id.
 */
export function preventCytoscapeStyleInjection(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  placeholder.name = 'cytoscape-style';
  placeholder.content = 'provided by graph.css';
  document.head.appendChild(placeholder);
}
