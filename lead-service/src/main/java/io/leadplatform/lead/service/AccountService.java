package io.leadplatform.lead.service;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.events.EventTypes;
import io.leadplatform.lead.api.AccountView;
import io.leadplatform.lead.domain.Account;
import io.leadplatform.lead.domain.AccountRepository;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadIdentity;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.problem.Problem;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Account tiers. A lead's effective tier is the one set for its account, else the one its head count implies; when a
 * set tier changes, the account's leads that have not yet qualified get a lead.updated carrying it, through the
 * outbox in the same transaction, so scoring's copy of the profile is current when they qualify.
 */
@ApplicationScoped
public class AccountService {

    /** The form a lead's {@code domain} must take at capture, lower case. */
    private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9.-]+\\.[a-z]{2,}$");

    private final AccountRepository accounts;
    private final LeadRepository leads;
    private final Outbox outbox;
    private final Clock clock;

    public AccountService(AccountRepository accounts, LeadRepository leads, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.leads = leads;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public AccountView view(String rawDomain) {
        String domain = domain(rawDomain);
        return view(domain, accounts.findById(domain));
    }

    /** Sets the account's tier (the account need not have leads yet) and updates its unqualified leads. */
    @Transactional
    public AccountView setTier(String rawDomain, String rawTier, String username) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String domain = validDomain(rawDomain, errors);
        String tier = rawTier == null ? null : rawTier.strip().toUpperCase(Locale.ROOT);
        if (!AccountTiers.isTier(tier)) {
            errors.add(new Problem.FieldError("tier", rawTier == null ? "is required; one of " + AccountTiers.ALL
                    : "must be one of " + AccountTiers.ALL));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        accounts.lockExclusive(domain);
        Account account = accounts.findById(domain);
        String previous = account == null ? null : account.tier;
        if (account == null) {
            account = new Account();
            account.domain = domain;
        }
        account.tier = tier;
        account.setBy = username;
        account.updatedAt = clock.instant();
        accounts.persist(account);
        fanOut(domain, previous, tier);
        return view(domain, account);
    }

    /** Clears the set tier, so the account's leads take the one their head count implies again. */
    @Transactional
    public void clearTier(String rawDomain) {
        String domain = domain(rawDomain);
        accounts.lockExclusive(domain);
        Account account = accounts.findById(domain);
        if (account == null) {
            throw ProblemException.notFound("a tier set for account " + domain);
        }
        accounts.delete(account);
        fanOut(domain, account.tier, null);
    }

    /**
     * A lead.updated for each live lead of the account still at LEAD whose effective tier changed. Leads already
     * qualified keep their routing; only later qualifications use the new tier.
     */
    private void fanOut(String domain, String previousTier, String tier) {
        Instant now = clock.instant();
        List<Lead> unqualified = leads.find("accountDomain = ?1 and stage = ?2 and erasedAt is null order by id",
                domain, Lead.Stage.LEAD).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Lead lead : unqualified) {
            if (!Objects.equals(Lead.effectiveTier(previousTier, lead.employees),
                    Lead.effectiveTier(tier, lead.employees))) {
                outbox.append(EventTypes.LEAD_UPDATED, lead.id, lead.retier(tier, now));
            }
        }
    }

    private AccountView view(String domain, Account account) {
        long leadCount = leads.count("accountDomain = ?1 and erasedAt is null", domain);
        if (account != null) {
            return new AccountView(domain, account.tier, AccountView.SET, leadCount, account.updatedAt,
                    account.setBy);
        }
        if (leadCount == 0) {
            throw ProblemException.notFound("account " + domain);
        }
        String derived = leads.find("accountDomain = ?1 and erasedAt is null and employees is not null "
                        + "order by capturedAt desc, id desc", domain).firstResultOptional()
                .map(l -> AccountTiers.byEmployees(l.employees)).orElse(null);
        return new AccountView(domain, derived, derived == null ? null : AccountView.EMPLOYEES, leadCount, null,
                null);
    }

    private static String domain(String raw) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String domain = validDomain(raw, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return domain;
    }

    /** The account domain in lower case; a malformed or free-mail domain adds an error instead. */
    private static String validDomain(String raw, List<Problem.FieldError> errors) {
        String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (domain.length() > 255 || !DOMAIN.matcher(domain).matches() || domain.startsWith(".")
                || domain.contains("..")) {
            errors.add(new Problem.FieldError("domain", "must be a domain name such as acme.com"));
        } else if (LeadIdentity.isFreeMail(domain)) {
            errors.add(new Problem.FieldError("domain", "is a free-mail domain, which belongs to no account"));
        }
        return domain;
    }
}
