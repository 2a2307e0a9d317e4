/** Ansible pads its PLAY/TASK headers with stars to this width; people scan for it. */
export const BANNER_WIDTH = 80;

// Headers read like Ansible's: the title, a space, then stars up to the width (at least three).
export function banner(title: string, width: number = BANNER_WIDTH): string {
  const stars = Math.max(3, width - title.length - 1);
  return `${title} ${'*'.repeat(stars)}`;
}
