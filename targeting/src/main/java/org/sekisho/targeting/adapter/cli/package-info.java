/**
 * Command-line entry points of the targeting context ({@code sekisho risk …}, {@code sekisho bench
 * scoring}); the {@code app} module wires them into the {@code sekisho} launcher.
 */
package org.sekisho.targeting.adapter.cli;
