// core/app/main.cpp — entry point of the finsam-hub binary: dispatches subcommands.
// SPDX-License-Identifier: Apache-2.0
int main() { return 0; }
