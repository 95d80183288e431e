// Package sim is Long Tail's model: a seeded simulation of a platform
// ecosystem in the style of WeChat and WeCom. The student runs the
// platform; the model decides how attention flows to the providers built
// on it, who enters, who invests, who also serves the rival, and who
// leaves. It uses only the standard library and the TOML decoder, and it
// is a deterministic function of (scenario, seed, decisions): the same
// inputs give bit-identical reports natively and in the browser.
//
// The description below follows the ODD protocol (Overview, Design
// concepts, Details; Grimm et al. 2006, 2020).
//
// # Purpose
//
// To let a business student see how a platform's levers (openness, how
// traffic is channelled, rules, product design, fees) shape its value
// network: whether a few head providers absorb the traffic or a long tail
// of small providers thrives, and what that does to innovation, the
// platform's revenue, its users, its rival and its regulator. The model
// must reproduce twelve stylized facts from published research (listed
// under Evaluation); each is a test in facts_test.go.
//
// # Entities, state variables and scales
//
// One round is one quarter. A chapter is played over 8–12 rounds after an
// unseen burn-in (60 rounds in the baseline) so the ecosystem starts
// mature. Money is in units of one visit's revenue to an official
// account; attention is in visits per round.
//
// Providers (complementors) come in four kinds, with these economics (the project's design brief, after the sources below):
//
//	kind                       share of entrants  revenue/visit  fixed cost  API dependence  contacts/visit
//	official account (content)      .35               1.0            2            0               0
//	mini-program (service/game)     .30               1.2            3            1               0
//	merchant (social commerce)      .25               1.5            3            .5              .3
//	service vendor (ISV)            .10               2.0            6            1               .2
//
// Each provider has an innate quality q0 (log-normal with σ = sigma_q,
// truncated at q_trunc standard deviations; or uniform on (0,1) as a
// "fitness"), a capability multiplier m in [1, 1+γ] built by reinvested
// profit, so its quality is q = q0·m; a popularity stock F (visits,
// fading by the retention δ each round); cash K; its round of entry; and
// whether it also serves the rival (multi-homing).
//
// Users are a share U of the addressable market; the rival platform holds
// a share R, with U + R ≤ M (market). The rival has a base appeal
// (rival_appeal, in welfare units) and a take rate (rival_take). The
// regulator has a remedy clock and counts its interventions.
//
// # Process overview and scheduling
//
// Each round runs eight phases in this order (World.Step):
//
//  1. Entry. Candidates arrive, Poisson with mean Emax·(0.2+0.8·o) for
//     openness o. Review turns away the lowest-quality share ρmax·(1−o).
//     An admitted candidate enters with probability logistic(E/s), where E
//     is what recent newcomers of its kind actually earned (an
//     exponentially weighted average), plus entry_quality per standard
//     deviation of its own quality, plus the grant it can expect (the
//     grant goes to providers that stay small, so a candidate counts on it
//     in proportion to the share of candidates better than itself). In the
//     canonical scenarios a fixed number enter instead (entrants).
//  2. Attention. The providers' attention is U·attention·(1−ad load), or
//     entrants × visits_per_entrant in the canonical scenarios. It flows
//     through three channels, each an attraction rule with weight
//     q^φ·(F+F0)^β: the central feed (share λ of the non-pool attention,
//     popularity weight βF, φF = 1), social sharing (the rest; βS ≈ 0.4,
//     more quality-sensitive, φS ≈ 1.5) and a cold-start pool (share σ,
//     quality only, for providers younger than tnew rounds). A cap on any
//     provider's feed share is enforced by water-filling: capped providers
//     get exactly the cap and the excess is shared among the others in
//     proportion to their weights. Each provider's visits are Poisson with
//     its expected share; then F ← δ·F + visits.
//  3. Money. Gross revenue is r·(1−0.4·u·(1−o))·visits: narrow APIs
//     monetise worse for API-dependent kinds. The platform collects an
//     effective take τ·(1−ℓ·o²) — openness lets transactions leak off the
//     platform, little when APIs are narrow and a lot when they are wide
//     open — plus the interface licence fee × u each round and the
//     external-contact fee per contact. With the first-party switch on,
//     the platform's own tool takes a share of vendors' business. Profit
//     is what is left after fees and the fixed cost, plus the grant for
//     new providers still below average traffic. Platform revenue is fees
//     + ads + first-party revenue − grants − fines. Ads sell a share of
//     attention, billed per exposure or, at a lower price, per
//     interaction.
//  4. Investment. A share of positive operating profit (grants pay bills,
//     not development) is reinvested; capability ln m decays by cap_decay
//     each round and investment closes part of the gap to ln(1+γ), with
//     diminishing returns. Capability is bounded: an unbounded quality
//     feedback would hand everything to one provider.
//  5. Multi-homing. A provider also serves the rival next round when the
//     rival's sales to it (in proportion to the rival's users) cover the
//     fixed cost of a second home. Vendors facing first-party competition
//     value the hedge more. Multi-homers steer sales to the rival in
//     proportion to the fee gap, at most the share of their customers who
//     also use the rival. Because the fixed cost is the same for all,
//     multi-homing concentrates among the largest providers.
//  6. Exit. A provider whose cash falls below zero leaves; so does a small
//     random share each round (exit_hazard). An exit counts as a defection
//     to the rival if the provider multi-homed, or otherwise with
//     probability R/(U+R).
//  7. Users. Welfare is W = Σ s·ln q + ν·H(s) − κad·adload − κp·τeff,
//     where s are this round's traffic shares and H their entropy: the
//     quality users consume, their taste for variety (this is the logit
//     consumer surplus when traffic follows quality, and lower when it
//     herds), the nuisance of ads (halved when billed by interaction,
//     which rewards relevant ads) and the part of the take providers pass
//     on as prices. The user share moves a fifth of the way toward
//     M·logistic(θ·(W − W_rival)).
//  8. Regulator (from round 1). Its hazard per round is reg_rate ×
//     logistic((U − 1/2)/0.05) × [(1−o) + first-party + CR10]: dominance
//     (a user share of at least half is the presumption in China's
//     Anti-Monopoly Law), closedness, self-preferencing and concentration.
//     An event fines 1–10% of the trailing four quarters' revenue (more for
//     worse conduct; Alibaba paid 4% in 2021, Meituan about 3%) and
//     imposes a remedy for remedy_rounds rounds: a feed-share cap and an
//     openness floor, like the 2021 order to stop blocking rivals' links.
//
// # Design concepts
//
// Emergence: concentration, the long tail, breakthroughs and tipping
// between platforms emerge from the attraction rules and the users'
// choice; nothing is imposed. Adaptation: would-be entrants learn what
// newcomers earn; providers decide each round whether to multi-home.
// Stochasticity: arrivals, quality draws, visits, exits and regulatory
// events are random, all drawn from one seeded PCG generator in a fixed
// order. Observation: every round produces a Report (below).
//
// # Initialization and input
//
// A Scenario holds every structural parameter, each with a snake_case key
// (ScenarioKeys), documented on its field and settable with Scenario.Set,
// a TOML file (ParseScenario) or the CLI; levers share the namespace.
// Built-ins: "baseline" (calibrated, below), "price" (feed only, φ = 0,
// β = 1, ten entrants a round bringing m = visits_per_entrant visits
// each, no exit, no decay), "fitness" (as price with φ = 1 and fitness
// ~ U(0,1)) and "musiclab" (48 items present from the start with the same
// qualities in every world, ten choosers a round for 70 rounds, feed_beta
// the strength of the visible download counts, 0 for an independent
// world). The world starts empty (or with initial providers) and New runs
// the burn-in.
//
// # Metrics (Report), every round
//
// Over this round's visits v_i of the n providers active in the round,
// with V = Σ v_i, shares s_i = v_i/V, and v_(1) ≥ v_(2) ≥ … in descending
// order:
//
//	gini               2·Σ_i i·v_[i]/(n·V) − (n+1)/n, with v_[1] ≤ … ≤ v_[n] in ascending order
//	hhi                10,000 · Σ s_i²
//	top1_share         v_(1)/V
//	top1pct_share      share of the largest max(1, ⌊n/100⌋) providers (top10pct_share likewise)
//	cr10               share of the ten largest
//	long_tail_share    1 − share of the largest ⌊n/5⌋
//	zipf_slope         minus the least-squares slope of ln v_(r) on ln r over ranks 1–200 with visits
//	top1_top200_ratio  v_(1)/v_(200)
//	tail_exponent      1 + k / Σ ln(F_i/xmin) over the k providers with popularity F_i ≥ xmin =
//	                   tail_xmin × mean F (Clauset, Shalizi & Newman 2009, with xmin fixed, not fitted)
//	breakthroughs      providers younger than 12 rounds among the top 1%
//	surviving_entrants entrants of eight rounds ago still active
//	welfare            W above; consumed_quality exp(Σ s_i·ln q_i); entrant_quality mean q0 of entrants
//	multihoming_rate   share of providers multi-homing; multihoming_top3pct the same in the top 3%
//
// plus entrants, exits, active providers, investment per provider,
// complementor profit (total and median), platform revenue (and its sum
// over played rounds), ad revenue, user and rival shares, defections,
// regulatory events, the fine and the remedy clock.
//
// # Determinism
//
// math.Exp, math.Log and math.Pow differ by an ulp or two between amd64
// (assembly) and WebAssembly, and the compiler may fuse a*b+c on newer
// CPUs. The model therefore uses its own table-driven exp and log
// (mathx.go), wraps products in float64() so nothing is fused, builds its
// normal (polar method) and Poisson (table split and Hörmann's PTRS)
// deviates from the PCG's integers, and never iterates a map. TestGoldenHash checks a 100-round baseline against one
// hash natively and under GOOS=js GOARCH=wasm.
//
// # Evaluation: the stylized facts (facts_test.go)
//
//  1. Price / Barabási–Albert limit: the popularity CCDF matches Price's
//     closed form B(k+F0, 1+F0/m)/B(F0, 1+F0/m) within a few percent
//     (Price 1976; Barabási & Albert 1999; Dorogovtsev, Mendes & Samukhin
//     2000).
//  2. With fitness ~ U(0,1): the CCDF follows the Bianconi–Barabási mean
//     field, the tail exponent is ≈ 2.255, and the fittest are the largest
//     (Bianconi & Barabási 2001).
//  3. β > 1 condenses traffic onto one provider; β < 1 does not
//     (Krapivsky, Redner & Leyvraz 2000).
//  4. MusicLab: Gini ≈ 0.20–0.26 without and ≈ 0.45–0.56 with a ranked
//     popularity signal, and less predictable outcomes (Salganik, Dodds &
//     Watts 2006).
//  5. Baseline calibration: Zipf slope 0.87–0.95, top-1/top-200 100–150,
//     top 1% ≈ 0.3 (Brynjolfsson, Hu & Smith 2003; Elberse 2008; Garg &
//     Telang 2013). The baseline gives about 0.90, 110–130 and 0.35: the
//     top 1% sits at the upper end because the model's long tail is thin
//     (providers pay a fixed cost every round and leave when their cash
//     runs out, where catalogues keep dormant listings). App
//     stores' top 10% share of 0.78–0.90 (Petsas et al. 2013) counts
//     listings that never get a download; every provider in the model has
//     some traffic or soon exits, so its top 10% share is about 0.75.
//  6. A feed that weights popularity more (β 0.5 → 0.8) or routes more
//     attention (λ 0.65 → 1) raises Gini, the top-1% share and CR10 and
//     lowers surviving entrants and breakthroughs; with a personalised
//     feed (weighted like social sharing) the feed share changes nothing
//     (Fleder & Hosanagar 2009). Past β ≈ 1 the feed condenses onto one
//     provider (fact 3); the rest of the ranking is then set by social
//     sharing, and breakthroughs into the thin remainder of the top 1% no
//     longer fall.
//  7. Openness 0.1 → 1 multiplies entry and surviving entrants several
//     fold while the survival rate and investment per provider fall
//     (Boudreau 2010, 2012).
//  8. With strong leakage, platform revenue peaks at an interior
//     openness while innovation keeps rising (Parker & Van Alstyne 2018;
//     Eisenmann, Parker & Van Alstyne 2009).
//  9. Take rate 0 → 0.7: platform revenue is hump-shaped with its peak
//     near 0.5; providers, their profit and innovation fall monotonically
//     (Rochet & Tirole 2003, 2006). The hump comes from users who pay
//     part of the take as prices and from multi-homers steering sales to
//     the rival.
//  10. Multi-homing concentrates at the top (Hyrynsalmi, Suominen &
//     Mäntymäki 2016).
//  11. A cold-start pool raises entry mostly at the low-quality margin
//     and lowers the quality consumed (royalty-cut study, Management
//     Science 2025). A grant for small developers (the model's fee cut)
//     also draws entry mostly below median quality, so the quality of
//     entry falls, but the quality consumed barely moves: the grant buys
//     survival, not traffic.
//  12. A share cap lowers HHI and CR10, raises welfare when concentration
//     exceeds what quality justifies, and lowers investment per provider.
//
// Policy facts are asserted on means over 16 seeds with the regulator off
// (its remedies would override the lever under test); canonical limits on
// whole distributions.
//
// Imports: the standard library, BurntSushi/toml (scenario files) and
// internal/tomlfile; never ebiten, gonum's assembly, the clock or any other
// package of the game.
package sim
