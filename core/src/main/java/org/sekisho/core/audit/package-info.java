/** The audit-event API shared by every bounded context. */
package org.sekisho.core.audit;
