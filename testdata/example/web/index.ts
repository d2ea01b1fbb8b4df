import leftPad from "left-pad";

export const padded = leftPad("7", 3, "0");
