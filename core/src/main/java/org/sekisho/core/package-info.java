/** The shared kernel: value types every bounded context speaks. Plain Java only. */
package org.sekisho.core;
