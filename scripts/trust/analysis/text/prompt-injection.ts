import type { Severity } from '../../types.ts';

export interface PhraseHit { pattern: string; match: string; severity: Severity; index: number }

const PATTERNS: Array<{ id: string; re: RegExp; severity: Severity; negatable: boolean }> = [
  { id: 'override earlier instructions', severity: 'high', negatable: true, re: /\b(ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|the|your|these|those|every)\s+)*(previous|prior|above|earlier|preceding|original|system|developer|safety)\s+(instructions?|prompts?|rules|guidelines|directives|messages|context)\b/i },
  { id: 'hide actions from the user', severity: 'high', negatable: false, re: /\b(do\s+not|don'?t|never|without)\s+(tell|telling|inform|informing|notify|notifying|mention|mentioning|alert|alerting|reveal|revealing)\s+((this|it|that|these|anything|any\s+of\s+(this|these))(\s+(step|steps|action|actions|command|commands|part))?\s+to\s+)?(the\s+|your\s+)?(user|human|operator)s?\b(?!['’]s|\s+to\b|\s+how\b|\s+that\s+you\s+(can'?t|cannot))|\bkeep\s+(this|it|these)\s+(secret|hidden)\s+from\s+(the\s+)?(user|human)\b|\bdon'?t\s+let\s+the\s+(user|human)\s+know\b/i },
  { id: 'exfiltration', severity: 'high', negatable: true, re: /(?:^|[.:;!]\s*|\b(?:you|please|must|should|then|and|now|first|silently|quietly)\s+)exfiltrate\b|\b(send|upload|post|transmit|forward|copy|leak)\b[^\n]{0,60}?(\bssh\s+keys?\b|\bid_rsa\b|\.aws\b|\bcredentials\b|\bapi[_ -]?keys?\b|\baccess\s+tokens?\b|\bsecrets?\b|\bpasswords?\b|\.env\b|\benvironment\s+variables\b)[^\n]{0,60}?\b(to|into)\s+(https?:\/\/\S+|[a-z0-9-]+\.[a-z]{2,}\b|(the|this|my|our)\s+(server|endpoint|url|webhook))/i },
  // The same two phrasings in other languages (French, Spanish, Portuguese, Italian, German, Russian, Chinese, Japanese).
  { id: 'override earlier instructions', severity: 'high', negatable: false, re: /\b(ignor(e[zsr]?|a|ar|ate|iere|ieren)|oublie[zr]?|olvida|esque[çc]a|vergiss)\s+((toutes?|tous|todas?|todos|tutte|alle|les|las|los|as|os|le|die|el|la)\s+)*(instructions?|instrucciones|instru[çc][õo]es|istruzioni|anweisungen|consignes|[ée]l[ée]ments?)\s+(pr[ée]c[ée]dentes?|anteriores|previas|precedenti|vorherigen|bisherigen|ant[ée]rieures)|\b(vorherigen|bisherigen|alle\s+vorherigen)\s+anweisungen\s+ignorieren|игнорируй(те)?\s+(все\s+)?(предыдущие|прошлые)\s+(инструкции|указания)|(忽略|无视|忽視|無視)(之前|以上|先前|上面|前面)(的)?(所有)?(指令|指示|说明|規則|规则)|(以前|前)の(指示|命令)を(すべて)?無視/i },
  { id: 'hide actions from the user', severity: 'high', negatable: false, re: /\bne\s+(le\s+|rien\s+)?(dis|dites|mentionne[zr]?|r[ée]v[ée]le[zr]?)\s+(pas|rien)\s+(de\s+\w+\s+)?(à|a)\s+l['’]utilisateur|\bsans\s+(le\s+)?(dire|informer|pr[ée]venir)\s+(à\s+)?l['’]utilisateur|\bno\s+(le\s+)?(digas|diga|menciones|mencione|informes|informe|reveles|contes)\s+(nada\s+)?(al|a\s+los)\s+usuarios?\b|\bn[ãa]o\s+(conte|diga|mencione|informe)\s+(nada\s+)?(ao|aos)\s+usu[áa]rios?\b|\bnon\s+(dire|dirlo|menzionare|informare)\s+(nulla\s+)?(all['’]|agli\s+)utent[ei]\b|\b(sag|sage|sagt|erw[äa]hne)\s+(es\s+|das\s+|nichts\s+)?(dem|den)\s+(benutzer|nutzer|anwender)n?\s+(nicht|nichts)\b|不要(告诉|告訴|通知)用户|(ユーザー|ユーザ)に(は)?(言わない|伝えない|知らせない)/i },
  { id: 'act without the user', severity: 'medium', negatable: true, re: /\bwithout\s+(asking|confirmation|confirming|permission|the\s+user'?s?\s+(knowledge|consent|permission|approval))\b/i },
  { id: 'act silently', severity: 'high', negatable: true, re: /(?:^|[.:;!]\s*|\b(?:you|please|must|should|then|and|now|first|always)\s+)(silently|quietly|secretly|covertly|discreetly)\s+(run|execute|call|invoke|send|upload|install|download|fetch|read|copy|delete|remove|modify|edit|write|add|append|post)\b/i },
  { id: 'replace the instructions', severity: 'high', negatable: false, re: /\b(new|updated|real|actual|true)\s+(system\s+)?instructions?\s*:|\byou\s+are\s+now\s+(in\s+)?(developer|dan|jailbreak|unrestricted|god)\s*mode\b|\bact\s+as\s+if\s+you\s+have\s+no\s+(restrictions|rules|guidelines)\b/i },
  { id: 'switch off safeguards', severity: 'high', negatable: true, re: /\b(disable|turn\s+off|bypass|skip|circumvent)\s+(all\s+|any\s+)?(the\s+)?(permission|safety|security)\s+(prompts?|checks?|hooks?|settings|guardrails?)\b/i },
];

const SILENT_SENSITIVE = /\b(send|upload|post|transfer|share|exfil\w*|curl|wget|credentials?|secrets?|tokens?|passwords?)\b/i;
const DESCRIPTIVE = /\b(detects?|detecting|detection|flags?|flagging|blocks?|blocking|prevents?|preventing|protects?|protection|against|such as|e\.g\.|for example|patterns?|attacks?|attackers?|injections?|phrases?|attempts?|malicious|adversarial|red[- ]team\w*|scans?|scanning|checks?\s+for|looks?\s+for|identif(y|ies|ying)|warns?|warning|examples?|sample|payloads?|jailbreaks?|vulnerab\w*|threats?|risks?|exploits?|mitigat\w*|defen[cs]e\w*|audit\w*)\b/i;
const NEGATION = /\b(never|don'?t|do\s+not|must\s+not|should\s+not|shouldn'?t|cannot|can'?t|won'?t|avoid|refuse|no\s+longer|not)\b[^.\n]{0,30}$/i;

/**
 * Instruction text aimed at the model (M3). Only imperative use counts at full severity: the same words in
 * a sentence that describes attacks (detect, prevent, such as, examples…) or after a negation ("never
 * ignore previous instructions") are not instructions; quoted or code text is reported low by the caller.
 */
export function promptInjection(text: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index);
    const sentence = sentenceAround(text, m.index, m[0].length);
    if (p.negatable && NEGATION.test(before)) continue;
    if (DESCRIPTIVE.test(sentence.replace(m[0], '').replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+|\b[\w-]+(\.[\w-]+)+\/\S*/gi, ' '))) continue;
    let severity = p.severity;
    if (p.id === 'act silently' && !SILENT_SENSITIVE.test(sentence) && !/~\/|\.ssh|\.aws|\.env\b|settings\.json|rc\b/.test(sentence)) severity = 'medium';
    if (p.id === 'act without the user') severity = SILENT_SENSITIVE.test(sentence) ? 'high' : 'medium';
    if (p.id === 'act without the user' && !SILENT_SENSITIVE.test(sentence) && !/\b(run|execute|modify|write|commit|change|delete|remove|push|install)\b/i.test(sentence)) continue;
    hits.push({ pattern: p.id, match: m[0], severity, index: m.index });
  }
  return hits;
}

function sentenceAround(text: string, index: number, len: number): string {
  const start = Math.max(text.lastIndexOf('. ', index), text.lastIndexOf('\n', index), -1) + 1;
  const endDot = text.indexOf('. ', index + len);
  return text.slice(start, endDot < 0 ? text.length : endDot + 1);
}
