/** Reading Korea Customs Service declaration CSV files as a stream of declarations. */
package org.sekisho.targeting.model.adapter.kcs;
