/**
 * react-admin's List and Show put their body in a flex row (room for an aside), and a flex item grows
 * to its widest content: a wide table or scrollable tabs would widen the page past a phone's screen.
 * With min-width 0 on the row and its items, such content scrolls inside its own box instead.
 */
export const fitsScreen = { '& .RaList-main, & .RaShow-main, & .RaList-main > *, & .RaShow-main > *': { minWidth: 0 } } as const;
