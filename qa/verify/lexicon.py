"""A small generic English thesaurus of news-report verbs: which verbs may stand for one another in a faithful
paraphrase ("seized" / "took" / "captured"), and which name a decision or a completed act.

Hand-written because no maintained offline English thesaurus ships with our dependencies (spaCy's small model has
no word vectors, and the sentence embedder rates "negotiate" closer to "fight" than "weigh" to "consider"). The
classes are ordinary English senses, not words of any particular article; a verb may sit in several classes.
"""

from __future__ import annotations

from functools import lru_cache

# Each line: verbs and verb phrases, separated by commas, interchangeable in news reporting. Phrases are written as
# the parser reads them, a verb and the head of its object or preposition: "give ahead" is "give the go-ahead".
# A verb that is in no class is unknown to the verifier: it is never the reason a claim is rejected.
_CLASSES = """
seize, take, capture, overrun, conquer, occupy, invade, grab, win, take control of, take over, overtake, storm, \
recapture, retake, regain, win back, reclaim, liberate, take back
send, deploy, dispatch, move, shift, transfer, redeploy, station, post, send in, rush, relocate, take position
withdraw, leave, pull out, exit, depart, quit, retreat, pull back, go home, retire, walk out
evacuate, pull out
flee, leave
stop, cease
record, observe, register, log
ratify, approve, endorse, adopt
equip, arm, kit out
demote, downgrade
launch, lift off, blast off
transmit, send back, beam back, relay
settle, settle up, finish, finish up, close up
resolve, settle, solve, sort out
disbar, strike off, debar
enforce, implement
win, secure, obtain, gain
evacuate, vacate, clear, empty, abandon, move out
stall, slow, halt, stop, check, hold up, hold back, delay, block, curb, contain, slow down, thwart, stem, repel
increase, raise, boost, step up, strengthen, intensify, expand, escalate, ramp up, bolster, heighten, tighten, \
reinforce, enhance, improve, beef up, extend
decrease, reduce, cut, scale back, lower, curtail, scale down, ease, weaken, relax, wind down, relieve, \
alleviate
consider, weigh, mull, contemplate, look at, examine, study, review, think about, explore, assess, have in mind, \
look into, evaluate, ponder, debate, discuss, eye
decide, resolve, determine, choose, opt, settle on, agree
order, command, direct, instruct
defend, protect, guard, shield, secure, safeguard
fight, battle, combat, confront, counter, tackle, resist, take on, engage, clash
attack, strike, hit, bomb, shell, target, assault, raid, pound, bombard, storm
train, coach, teach, instruct, drill, mentor, tutor, retrain, reskill, upskill
help, aid, assist, support, back, bolster, fight alongside, fight with, fight beside, reinforce, join forces with
address, tackle, handle, deal with, fix, resolve, solve, sort out, confront, manage, crack down
negotiate, talk, bargain, hold talks, mediate, reconcile, discuss, talk about, broker
surround, besiege, encircle, lay siege, blockade
build, rebuild, reconstruct, restore, repair, construct, complete
destroy, demolish, raze, wreck, ruin, dismantle, tear down, pull down, blow up
borrow, take on loan
test, pilot, try out, experiment with
threaten, menace, endanger
vow, pledge, promise, swear, commit
warn, caution, alert, book
send off, red-card
recall, withdraw from sale, withdraw from market
reroute, divert
run aground, strand
strand, cut off, maroon, isolate, trap
lose, leave without, go without
meet, hold meeting, hold talks, sit down with, hold session, convene, hold summit
clear, remove, clean up, take away
substitute, take off, bring off
praise, commend, hail, laud
nationalise, nationalize, take into public ownership
privatise, privatize, sell off
discharge, release from hospital
discharge, release, emit
say, state, tell, add, declare, announce, note, remark, comment, report, claim, insist, maintain, respond, reply
confirm, verify, corroborate, acknowledge
deny, reject, dismiss, refute, rebuff, turn down
exclude, rule out, reject
advance, progress, push, move forward, gain, make progress, make headway, make gains, make strides, \
push forward, gain ground, march, move on, head, press, close in
enter, reach, arrive, get into, penetrate, break into, move into, go into
reach, hit, touch, top, climb to, rise to, record, register, climb above, rise above, go above, number, total, \
stand at
aim, target, aim for, set sights on, eye
face, confront, meet, encounter, grapple with, run into, come up against
kill, slay, execute, murder, cull, slaughter
injure, wound, hurt
arrest, detain, apprehend
remand, hold in custody, keep in custody
specify, detail, give details, spell out, say, disclose, reveal, name
put in place, set up, establish, introduce, implement, create, launch, adopt, roll out, unveil, have in place
authorise, authorize, approve, allow, permit, sanction, endorse, clear, let, enable, give ahead, sign off, \
give light
call, describe, label, brand, term, characterize, characterise, dub
affect, hit, impact, fall on
attend, join, take part in, participate in
tolerate, accept, allow, bear, stand, condone
challenge, contest, appeal, dispute
cooperate, comply, collaborate, work with
compensate, reimburse, pay back, indemnify, repay
replace, swap, renew
succeed as, replace, take over from, take over
cancel, scrap, call off, axe, ax, drop, terminate, abandon, withdraw, abort, discontinue
issue, put out, publish, release
count, tally, number, record
die, perish, pass away, succumb, kill
hospitalise, hospitalize, admit
begin, start, launch, open, initiate, commence, kick off, get under way
begin, start, take effect, come into force, come into effect
end, finish, conclude, complete, wrap up, stop
return, send back, bring back, go back, put back, reintroduce, take back
emerge, surface, appear, come out, come to light, circulate
turn to, ask, appeal to, request, call on, seek, look to
urge, call on, appeal to, press, exhort, ask
aim at, direct at, target, point at
freeze, block
thank, express gratitude to, voice gratitude to
invite, ask to visit
lose, cede, surrender, give up
flee, escape, run off, run away, make off
rescue, save, free, release, let go, set free
watch, monitor, follow, track, observe, shadow
offer, give, provide, extend, supply, pledge
seek, try, attempt, aim, want, call for, press for, push for, demand
plan, intend, prepare
continue, keep, remain, go on, stay
stay, spend time, spend average, spend night, spend nights, spend day, spend days, spend hour, spend hours, \
spend week, spend weeks, spend minute, spend minutes
suspend, freeze, pause, halt, interrupt, shelve, put on hold, stop
adjourn, postpone, defer, put off, push back, put back
abstain
bring forward
topple, overthrow, oust, depose, unseat, bring down, remove from power
charge, indict, prosecute, accuse, convict, sentence
score, net
injure, hurt, wound
rise, grow, climb, go up, jump, surge, soar, increase, gain, expand, double, triple, treble, quadruple, \
strengthen, firm, appreciate
fall, drop, decline, go down, slip, slide, plunge, sink, dip, tumble, decrease, weaken, depreciate, lose percent, \
lose %, lose tenth, lose fifth, lose third, lose quarter, lose half, lose value, lose point, lose ground
win, beat, defeat, overcome, triumph, edge, edge out, see off, thrash, rout, knock out
lose, lose to
oppose, object to, resist, criticise, criticize, condemn, reject, be against
welcome, favour, favor, endorse, back, support
ban, forbid, prohibit, outlaw, bar, veto
close, shut, shut down, idle, mothball
open, reopen
impose, introduce, levy
lift, scrap, abolish, drop, remove
buy, purchase, acquire
sell, export, supply, sell off
import, buy
hire, recruit, employ, take on
fire, sack, dismiss, lay off, remove from office, remove from post, oust, remove
develop, build, create, design, invent
sign, conclude, finalise, finalize, seal, agree deal, agree contract, agree terms
agree, reach deal, reach agreement, reach accord, strike deal, clinch deal, seal deal, cut deal
overturn, quash, throw out, strike down, annul, set aside, reverse
hope, wish, aim, want
look for, search for, hunt for, seek, pursue, track down
investigate, probe, inquire into, look into, examine, check, check on
increase, rise, lift, raise, boost, push up, drive up, climb, grow, go up
decrease, fall, drop, decline, weaken, ease, slow, soften, slide, lose ground, go down, dip, cool, reduce, cut, lower, \
lose percent, lose %, lose tenth, lose fifth, lose third, lose quarter, lose half, lose value, lose point
keep, leave, hold, maintain, retain, keep unchanged, leave unchanged, hold steady
close, shut, seal off, cordon off, close off, block off
walk out, strike, go on strike, stop work
pass, approve, adopt, vote for, vote through, back, vote in favour of, vote in favor of, vote in favour, vote in favor
reject, turn down, refuse, vote down, vote against, spurn, decline, throw out
fine, penalise, penalize, hit with penalty, hit with fine, impose fine, impose penalty
jail, imprison, sentence, lock up, send to prison, send to jail, put behind bars
postpone, delay, defer, put off, push back, reschedule, adjourn
resign, step down, quit, stand down, give up, relinquish, leave post, leave office, leave role, leave job, \
leave position, leave board
appoint, name, nominate, choose, select, pick, take over as, take as
cause, trigger, spark, prompt, lead to, provoke
hit, strike, batter, lash, pound, slam
spend, invest, allocate, earmark, set aside
discover, find, detect, identify, spot, uncover, pick up
record, register, log, report, post
appeal, challenge, contest, file an appeal, lodge an appeal, file appeal, lodge appeal, file challenge, \
lodge challenge, mount challenge
recommend, advise, suggest, urge, propose, call for
cooperate, work with, collaborate, comply, assist
accept, grant, agree to, accede to, approve, agree
grant, award
grant, issue
award, give, present
seize, confiscate, impound, recover
file, lodge, submit
question, interrogate, interview, quiz, ask
inspect, examine, screen, search, audit, raid, check
publish, leak, post, put online, release
access, breach, hack into, break into
expel, deport, kick out, throw out, send home
drive out, push out, force out, dislodge, chase out, drive off, chase off, chase away, drive away, run off
summon, call in
extinguish, put out
locate, find, track down, trace
lend, loan, send on loan
donate, give, gift, hand over
refer, forward
sue, take to court, take legal action against, file a lawsuit against
revoke, rescind, annul
visit, tour, call at, stop at
picket, protest, demonstrate, rally
apologise, apologize, say sorry, express regret
lease, rent, let, hire out
merge, combine, amalgamate, fold into
outsource, contract out
kidnap, abduct, take hostage, snatch
pardon, grant clemency
commute, reduce sentence
ransack, loot, trash, vandalise, vandalize
intercept, board, stop
sink, scuttle
intervene, step in, get involved, step into
convict, find guilty
turn back, turn away, refuse entry, send away
acquit, clear, find not guilty
repair, fix, mend, patch up, patch, resurface
complain, grumble
reprimand, rebuke, censure, admonish, discipline
tow, tow away
delist
devalue
clean, flush, rinse, wash, disinfect, clean out
steal, rob, embezzle, defraud, swindle, siphon off, take, make off with
shoot, gun down, open fire on, open fire, shoot at, fire at, fire on
fire, launch, shoot
stab, knife
flood, inundate, submerge, swamp
fund, finance, bankroll, underwrite
recover, retrieve, recoup, get back
boycott, shun, snub, stay away from
refurbish, renovate, revamp, refit, modernise, modernize, do up, restore, repair
knit, crochet, sew
phone, ring, telephone, call
capsize, overturn, keel over, flip over
throw, hurl, toss, lob, fling
replicate, reproduce, repeat
photograph, film, image, snap
drill, bore
commission
premiere, debut, stage, perform, open
omit, leave out, exclude, drop
fail, flunk
include
join, sign for, sign with, sign
vaccinate, immunise, immunize, inoculate
worsen, deteriorate
resume, restart, bring back online, bring back into service, reactivate, bring back
restart, reboot, reset
miss, skip, sit out
amend, change, modify, revise, alter
widen, broaden, extend, expand
shrink, contract, narrow
crash into, run into, smash into, plough into, plow into, slam into, collide with, ram, hit
unveil, reveal, debut
disperse, break up, scatter
recall, call home, call back, bring home
recall, withdraw
store, keep, hold
retract, withdraw
amend, correct, revise
diagnose, detect
operate on, perform surgery
ballot, poll, survey
reject, vote against, vote down, oppose
throttle, slow, slow down
encrypt
delete, erase, wipe
sequence, map
edit
relocate, rehome, resettle
tag
tranquilise, tranquillise, tranquilize, sedate
put down, euthanise, euthanize, cull, destroy
ticket
storm, assault
riot
march, parade
cut, cut off, lose power, lose electricity, lose connection, lose supply, lose access
disqualify
compensate, reimburse
withhold
test, trial, pilot
convert, turn into, transform
spin off, demerge
paint, repaint
impeach
escort, accompany, shepherd, chaperone
refinance
waive, forgo, forego
access, breach, hack, hack into, break into, infiltrate
flag, highlight
disconnect, cut off, unplug
charter, hire, lease, rent
rebook, reschedule
refund, reimburse, repay, pay back
write to, send letter
compose, set to music, score
choreograph
translate
inherit
row, paddle, scull
clear, remove, take down, take away, take off
know, have knowledge, be aware
break down, malfunction
vote out, oust, remove
sever, break off, cut ties
appeal to, ask, call on, request, demand
win, pick up, scoop, bag
draft, draw up, write up
unionise, unionize, form union
exhibit, display, put on display, put on show, showcase
shortlist
upgrade
downgrade
sanction, impose sanction, slap sanction
license, licence
explode, detonate, go off, blow up
defuse, disarm, make safe
board
jam
ship, send, deliver, dispatch, export
"""
# Pairs of classes that say the opposite of one another: a claim with one where the evidence has the other is
# not a paraphrase ("rose" for "fell", "oppose" for "support").
_OPPOSITES = """
increase, raise, boost, step up, strengthen, intensify, expand, escalate, ramp up, heighten, rise, grow, climb, \
go up, jump, surge, soar, improve, push up, drive up, force up | decrease, reduce, cut, scale back, lower, curtail, \
scale down, weaken, fall, drop, decline, go down, slip, slide, plunge, sink, dip, tumble, suspend, freeze, halt, \
worsen, deteriorate, push down, drive down, force down, bring down
win, beat, defeat, edge, survive, knock out | lose, lose to
lead, outpoll | trail, lag, lag behind
pass, approve, vote for, vote in favour of, vote in favor of, vote in favour, vote in favor, back | \
reject, vote against, vote down, oppose
support, back, favour, favor, endorse, welcome, approve | oppose, object to, resist, criticise, criticize, \
condemn, reject, be against
allow, permit, authorise, authorize, approve | ban, forbid, prohibit, outlaw, bar, veto, block
open, reopen | close, shut, shut down
impose, introduce, levy | lift, scrap, abolish, remove
buy, purchase, acquire, import | sell, export
hire, recruit, employ | fire, sack, dismiss, lay off
send, deploy, dispatch | withdraw, pull out, recall
enter, arrive | leave, exit, depart, withdraw
advance, push forward, gain ground | retreat, pull back, fall back
seize, capture, take, take control of, win | lose, cede, surrender, give up
confirm, verify | deny, refute
give, provide, hand, hand over, send, issue | receive, obtain
lend, loan | borrow
accept, grant, agree to, accede to | refuse, reject, decline, turn down
uphold, affirm, confirm, back | overturn, reject, dismiss, throw out, quash, strike down, reverse, revoke, \
rescind, annul
promote | relegate, demote
upgrade | downgrade
have, possess | lack
miss, skip | attend, take part in, play in
praise, commend, hail, laud | criticise, criticize, condemn
applaud, cheer, clap | boo, jeer, heckle
outperform, do better | underperform, do worse
nationalise, nationalize | privatise, privatize, sell off
admit, hospitalise, hospitalize | discharge
convict, find guilty | acquit, clear, find not guilty
remand, hold in custody, keep in custody | bail, release on bail, grant bail
include | omit, leave out, exclude
postpone, delay, defer, put off, push back, put back | bring forward
keep, retain, maintain | scrap, abolish, axe, drop, discontinue
pass | fail, flunk
"""
OPPOSITES = [tuple(frozenset(w.strip() for w in side.split(",") if w.strip()) for side in line.split("|"))
             for line in _OPPOSITES.strip().splitlines() if line.strip()]

# Verbs a report may weaken but not strengthen: a claim with a verb on the left restates one on the right too
# strongly ("halted the advance" for "slowed the advance", "destroyed" for "damaged", "charged" for "arrested").
_STRONGER = """
halt, stop, end, block, thwart, repel, freeze, stall, check | slow, slow down, hold back, hamper, hinder, \
disrupt, delay, curb
destroy, demolish, raze, flatten, wreck | damage, hit
convict, sentence, find guilty | charge, accuse, indict, arrest, detain, question
charge, indict | arrest, detain, question, accuse
ban, forbid, prohibit, outlaw, bar | restrict, limit, curb, cap
demand | ask, request
flee | leave
disrupt, halt, stop, suspend, cut, damage | affect
"""
STRONGER = [tuple(frozenset(w.strip() for w in side.split(",") if w.strip()) for side in line.split("|"))
            for line in _STRONGER.strip().splitlines() if line.strip()]

SYNONYM_CLASSES = [frozenset(w.strip() for w in line.split(",") if w.strip())
                   for line in _CLASSES.strip().splitlines() if line.strip()]
KNOWN_VERBS = frozenset().union(*SYNONYM_CLASSES)

# Verbs that report a decision or a completed act: never a paraphrase of something only contemplated.
COMMITMENT_VERBS = frozenset("""decide order approve authorise authorize agree promise pledge commit launch begin
start announce finalise finalize adopt""".split())
# Verbs so general that they assert nothing to compare ("lies 110 km north", "includes").
NEUTRAL_VERBS = frozenset("""be have lie locate situate remain include involve become seem appear continue stand
sit find use mean come go get depend rely""".split())


def same_sense(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether two verbs, each given by its forms ({"rule out"}, {"look", "look at"}), may stand for one
    another: a shared form, a shared thesaurus class, or a shared stem."""
    if a & b or any(derived(x, y) for x in a for y in b):
        return True
    return not _classes(a).isdisjoint(_classes(b))


def _classes(forms: set[str] | frozenset[str]) -> frozenset[int]:
    """The thesaurus classes the forms belong to."""
    return frozenset().union(*(_form_classes(f) for f in forms))


@lru_cache(maxsize=8192)
def _form_classes(form: str) -> frozenset[int]:
    """The classes one form is in, or derived from a member of ("defence" from "defend"). Cached: the scorer asks
    this for the same few hundred verbs thousands of times, and each answer scans the whole thesaurus."""
    return frozenset(i for i, cls in enumerate(SYNONYM_CLASSES)
                     if form in cls or any(derived(form, m) for m in cls))


_PARTICLES = frozenset("off out up down away back over".split())  # (not "on": mostly a preposition, "fell on Monday")


def _idiom_forms(forms: set[str] | frozenset[str]) -> set[str] | frozenset[str]:
    """The forms without a bare verb whose particle phrase, also among them, the thesaurus knows in another sense
    ("was sent off" is a dismissal, not a sending: it is no opposite of "received")."""
    bare = {f.split()[0] for f in forms if f.count(" ") == 1 and f.split()[1] in _PARTICLES and f in KNOWN_VERBS and
            _classes({f}).isdisjoint(_classes({f.split()[0]}))}
    return forms - bare if bare else forms


def opposite(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether two verbs (by their forms) say opposite things ("rose" / "fell", "support" / "oppose")."""
    if a & b:
        return False
    a, b = _idiom_forms(a), _idiom_forms(b)
    return any((a & left and b & right) or (a & right and b & left) for left, right in OPPOSITES)


# Verbs that tell one event from the other party's side: who dies is who was killed ("six workers died" / "the
# collapse killed six workers"). The first verb's subject is the second's object, so a subject there and an object
# here are the same role. ("Mosul fell to ISIS" / "ISIS captured Mosul" and "lost to" / "beat" are still read as
# other acts by the action checks: not here.)
CONVERSES = [(frozenset(left.split()), frozenset(right.split())) for left, right in (
    ("die died dies dying", "kill killed kills killing"),
    ("join joined joins joining", "sign signed signs signing"),  # "Vellick joined Rovers" / "Rovers signed Vellick"
)]


def converse(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether two verbs (by their forms) tell one event from its two sides ("died" / "killed")."""
    return any((a & left and b & right) or (a & right and b & left) for left, right in CONVERSES)


def stronger(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether verb `a` (by its forms) says more than verb `b` ("halt" / "slow"): a restatement may not."""
    return not a & b and any(a & left and b & right and not a & right for left, right in STRONGER)


def known(forms: set[str] | frozenset[str]) -> bool:
    """Whether the thesaurus knows a verb (by one of its forms): only a known verb can be a changed action."""
    return bool(forms & KNOWN_VERBS)


def derived(a: str, b: str) -> bool:
    """Whether two words share a stem ("intervene" / "intervention", "defend" / "defence", "withdraw" /
    "withdrawal"): a common prefix of at least five letters covering three quarters of the shorter word."""
    if " " in a or " " in b:
        return False
    if _IRREGULAR.get(a) == b or _IRREGULAR.get(b) == a:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    # a short word wholly the start of the other ("grow" / "growth", "plan" / "planning") counts too, when what
    # follows is an ending ("main" is not the stem of "maintain")
    short = min(len(a), len(b))
    if len(a) - n == 1 and len(b) - n == 1 and not {a[n], b[n]} <= set("sdey"):
        return False  # one last letter each, not endings: other words ("cancer" / "cancel", "attack" / "attach")
    return n >= 5 and n >= 0.75 * short or n >= 4 and n == short and \
        (a if len(a) > len(b) else b)[n:].lstrip(a[n - 1:n]) in _ENDINGS


# Acts whose noun is no ending on the verb's stem (verb lemma -> noun). Hand-written: generic English; WordNet's
# derivational links were tried for unknown verbs in session 38 and broke more pairs than they fixed.
_IRREGULAR = {"die": "death", "lose": "loss", "sell": "sale", "choose": "choice", "prove": "proof", "fly": "flight",
              "steal": "theft", "speak": "speech", "deny": "denial", "succeed": "success", "seize": "seizure",
              "apply": "application", "rely": "reliance", "destroy": "destruction", "detain": "detention",
              "retain": "retention"}

# Endings that make another word of the same stem ("growth", "planning", "attacker", "payment").
_ENDINGS = frozenset("""s es ed d er ers r th ing ings ment ments ion ions ation al ance ence ure ly ness ity ful ive
ist ists ism age e y""".split()) | {""}
