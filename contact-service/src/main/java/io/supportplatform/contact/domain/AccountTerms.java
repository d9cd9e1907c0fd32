package io.supportplatform.contact.domain;

/** What staff may change on an account after it is opened. */
public record AccountTerms(String name, String region, SupportLevel supportLevel, int contactQuota,
        AccountStatus status) {

    public static AccountTerms of(CustomerAccount account) {
        return new AccountTerms(account.getName(), account.getRegion(), account.getSupportLevel(),
                account.getContactQuota(), account.getStatus());
    }
}
