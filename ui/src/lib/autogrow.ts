// Textareas that grow with their content, so nothing is hidden behind a scrollbar.

export function autogrow(node: HTMLTextAreaElement, _value?: string) {
  const resize = () => {
    node.style.height = "auto";
    const borders = node.offsetHeight - node.clientHeight;
    node.style.height = `${node.scrollHeight + borders}px`;
  };
  const frame = requestAnimationFrame(resize);
  node.addEventListener("input", resize);
  window.addEventListener("resize", resize);
  return {
    // Called when the bound value changes from outside (another item selected, a reload).
    update() {
      resize();
    },
    destroy() {
      cancelAnimationFrame(frame);
      node.removeEventListener("input", resize);
      window.removeEventListener("resize", resize);
    },
  };
}
