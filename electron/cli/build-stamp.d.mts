/** Types for build-stamp.mjs (plain JS so the bin wrapper needs no compiler). */
export declare const ROOT: string;
export declare function builtIsCurrent(root?: string): boolean;
