/** The self-describing model directory: manifest, encoding tables and exported trees. */
package org.sekisho.targeting.model.adapter.store;
