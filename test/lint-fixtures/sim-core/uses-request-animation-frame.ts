// lint-expect: no-restricted-globals
export const nextFrame = (f: () => void): number => requestAnimationFrame(f);
