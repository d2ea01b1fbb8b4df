/* Helpers from gpl-lib; see COPYING. */
int add(int a, int b) { return a + b; }
