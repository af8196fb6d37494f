/**
 * DEMO ONLY: the OAuth 2.0 resource owner password credentials grant ({@code grant_type=password}, RFC 6749
 * section 4.3), which Spring Authorization Server does not offer (OAuth 2.1 drops it). It lets the command-line
 * demos of the embedded stack get a token with one {@code curl}, for the public client {@code huiyin-cli} (no
 * secret). Switch it off with {@code huiyin.identity.password-grant-enabled=false}; never offer it outside a demo.
 */
package cn.huiyin.identity.password;
