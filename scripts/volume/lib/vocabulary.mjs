// Words the volume generator builds names and texts from. Plain ASCII where the portal's
// search would strip accents anyway (unaccent), so the stored search documents match.

/** How much of the network's activity each country has (organizations, hence requests). */
export const COUNTRY_WEIGHTS = {
  MX: 9,
  GT: 6,
  BZ: 1,
  SV: 2,
  HN: 6,
  NI: 5,
  CR: 3,
  PA: 1,
  DO: 6,
  HT: 2,
  CU: 1,
  JM: 1,
  DM: 0.5,
  LC: 0.7,
  VC: 0.5,
  GD: 0.4,
  CO: 10,
  EC: 5,
  PE: 12,
  BO: 4,
  VE: 0.8,
  BR: 7,
  PY: 2,
  AR: 1.5,
  CL: 2,
  UY: 0.6,
};

/** Fixed UTC offsets (hours) for business-hour filing times and SLA clocks (DST ignored). */
export const COUNTRY_OFFSETS = {
  MX: -6,
  GT: -6,
  BZ: -6,
  SV: -6,
  HN: -6,
  NI: -6,
  CR: -6,
  PA: -5,
  DO: -4,
  HT: -5,
  CU: -5,
  JM: -5,
  DM: -4,
  LC: -4,
  VC: -4,
  GD: -4,
  CO: -5,
  EC: -5,
  PE: -5,
  BO: -4,
  VE: -4,
  BR: -3,
  PY: -3,
  AR: -3,
  CL: -4,
  UY: -3,
};

/** Products grown or made in each country, most common first. */
export const COUNTRY_PRODUCTS = {
  MX: ['coffee', 'honey', 'vegetables', 'fresh-fruit'],
  GT: ['coffee', 'honey', 'cardamom'],
  BZ: ['sugar', 'cocoa', 'bananas'],
  SV: ['coffee', 'sugar'],
  HN: ['coffee', 'cocoa'],
  NI: ['coffee', 'cocoa', 'sesame', 'honey'],
  CR: ['coffee', 'sugar', 'bananas'],
  PA: ['coffee', 'bananas'],
  DO: ['cocoa', 'bananas', 'coffee'],
  HT: ['coffee', 'cocoa', 'mangoes'],
  CU: ['honey', 'coffee', 'cocoa'],
  JM: ['coffee', 'bananas'],
  DM: ['bananas'],
  LC: ['bananas'],
  VC: ['bananas'],
  GD: ['cocoa', 'nutmeg'],
  CO: ['coffee', 'bananas', 'flowers', 'cocoa'],
  EC: ['bananas', 'cocoa', 'flowers', 'coffee'],
  PE: ['coffee', 'cocoa', 'bananas', 'quinoa', 'sugar'],
  BO: ['coffee', 'quinoa', 'cocoa', 'brazil-nuts'],
  VE: ['cocoa', 'coffee'],
  BR: ['coffee', 'honey', 'oranges', 'brazil-nuts'],
  PY: ['sugar', 'sesame', 'stevia'],
  AR: ['wine', 'honey', 'fresh-fruit'],
  CL: ['wine', 'honey', 'fresh-fruit', 'blueberries'],
  UY: ['honey', 'wine'],
};

export const AREA_WEIGHTS = {
  'fair-trade-visibility': 0.08,
  'market-access': 0.24,
  'standards-compliance': 0.26,
  'sustainable-production': 0.14,
  'climate-resilience': 0.12,
  'human-rights': 0.08,
  'social-inclusion': 0.08,
};

const ORG_PREFIX = {
  es: [
    'Cooperativa Agraria',
    'Asociacion de Productores',
    'Cooperativa',
    'Union de Cooperativas',
    'Central de Cooperativas',
    'Asociacion de Pequenos Productores',
    'Cooperativa Multiservicios',
  ],
  pt: ['Cooperativa dos Produtores', 'Associacao dos Agricultores', 'Cooperativa Mista', 'Cooperativa Agroindustrial'],
  en: ['Farmers Cooperative', 'Growers Association', 'Producers Cooperative', 'Smallholders Union'],
  fr: ['Cooperative des Producteurs', 'Association des Planteurs', 'Federation des Cooperatives'],
};
const WORKERS_PREFIX = {
  es: 'Sindicato de Trabajadores',
  pt: 'Sindicato dos Trabalhadores',
  en: 'Workers Union',
  fr: 'Syndicat des Travailleurs',
};
const PLACE = [
  'Valle Alto',
  'Rio Claro',
  'Las Nubes',
  'San Isidro',
  'La Esperanza',
  'El Porvenir',
  'Santa Rosa',
  'Monte Verde',
  'Tres Rios',
  'Los Andes',
  'Nueva Vida',
  'El Progreso',
  'Buena Vista',
  'San Juan',
  'La Union',
  'Cerro Azul',
  'Piedra Blanca',
  'Agua Dulce',
  'Los Pinos',
  'Alto Mayo',
  'Sol Naciente',
  'Tierra Fertil',
  'Flor de Mayo',
  'San Martin',
  'La Cumbre',
  'Palmira',
  'El Roble',
  'Quebrada Honda',
  'Santa Clara',
  'La Primavera',
  'Serra Azul',
  'Boa Esperanca',
  'Vale Verde',
  'Morro Alto',
  'Blue Mountain',
  'Green Valley',
  'Morne Rouge',
  'Belle Riviere',
  'Grand Bois',
  'Pinar Norte',
];
const PRODUCT_WORD = {
  es: {
    coffee: 'Cafetalera',
    cocoa: 'Cacaotera',
    bananas: 'Bananera',
    honey: 'Apicola',
    sugar: 'Canera',
    quinoa: 'Quinuera',
    flowers: 'Floricola',
    wine: 'Vitivinicola',
  },
  pt: { coffee: 'do Cafe', honey: 'Apicola', oranges: 'Citricola', 'brazil-nuts': 'da Castanha' },
  en: { coffee: 'Coffee', bananas: 'Banana', cocoa: 'Cocoa', sugar: 'Sugar' },
  fr: { coffee: 'Cafeiere', cocoa: 'Cacaoyere', mangoes: 'de Mangues' },
};

export function organizationName(random, language, kind, products, index) {
  const place = `${random.pick(PLACE)}${index >= PLACE.length ? ` ${Math.floor(index / PLACE.length) + 1}` : ''}`;
  if (kind === 'workers') return `${WORKERS_PREFIX[language]} ${place}`;
  const word = PRODUCT_WORD[language]?.[products[0]];
  const prefix = random.pick(ORG_PREFIX[language]);
  return word ? `${prefix} ${word} ${place}` : `${prefix} ${place}`;
}

const FIRST = [
  'Ana',
  'Luis',
  'Maria',
  'Jose',
  'Carmen',
  'Jorge',
  'Rosa',
  'Pedro',
  'Lucia',
  'Carlos',
  'Elena',
  'Miguel',
  'Sofia',
  'Juan',
  'Isabel',
  'Diego',
  'Marta',
  'Andres',
  'Paula',
  'Raul',
  'Joana',
  'Thiago',
  'Beatriz',
  'Jean',
  'Marie',
  'Grace',
  'Kevin',
  'Camilo',
  'Valeria',
  'Hugo',
];
const LAST = [
  'Quispe',
  'Mamani',
  'Garcia',
  'Lopez',
  'Hernandez',
  'Gonzalez',
  'Rodriguez',
  'Perez',
  'Flores',
  'Torres',
  'Ramirez',
  'Cruz',
  'Morales',
  'Vargas',
  'Castillo',
  'Rojas',
  'Silva',
  'Souza',
  'Oliveira',
  'Pierre',
  'Joseph',
  'Campbell',
  'Brown',
  'Mejia',
  'Reyes',
  'Gutierrez',
  'Chavez',
  'Ortiz',
  'Medina',
  'Aguilar',
];

export function personName(random) {
  return `${random.pick(FIRST)} ${random.pick(LAST)} ${random.pick(LAST)}`;
}

/** Subjects per area and language; `{p}` is the organization's product. */
const SUBJECTS = {
  es: {
    'fair-trade-visibility': [
      'Material de comunicacion sobre la prima de {p}',
      'Historia de impacto para la campana de Comercio Justo',
      'Participacion en feria nacional con {p}',
    ],
    'market-access': [
      'Contacto con compradores de {p} en Europa',
      'Contrato de venta de {p} y precio minimo',
      'Consulta sobre precio minimo de {p}',
      'Busqueda de nuevos mercados para {p}',
    ],
    'standards-compliance': [
      'Preparacion de la auditoria de certificacion',
      'No conformidad en la auditoria de {p}',
      'Registro de uso de la prima de Comercio Justo',
      'Actualizacion del criterio de trazabilidad de {p}',
    ],
    'sustainable-production': [
      'Manejo organico de plagas en {p}',
      'Renovacion de parcelas de {p}',
      'Compostaje y fertilizacion organica',
    ],
    'climate-resilience': [
      'Plan de adaptacion al cambio climatico',
      'Sequia en las parcelas de {p}',
      'Sistemas agroforestales para {p}',
    ],
    'human-rights': [
      'Diligencia debida en derechos humanos',
      'Prevencion del trabajo infantil en la cosecha',
      'Condiciones laborales de trabajadores temporales',
    ],
    'social-inclusion': [
      'Participacion de mujeres en la directiva',
      'Programa para jovenes productores',
      'Inclusion de productores indigenas',
    ],
  },
  pt: {
    'fair-trade-visibility': ['Material de comunicacao sobre o premio de {p}', 'Historia de impacto do Comercio Justo'],
    'market-access': [
      'Contato com compradores de {p}',
      'Contrato de venda de {p} e preco minimo',
      'Novos mercados para {p}',
    ],
    'standards-compliance': [
      'Preparacao da auditoria de certificacao',
      'Nao conformidade na auditoria de {p}',
      'Registro do uso do premio',
    ],
    'sustainable-production': ['Manejo organico de pragas em {p}', 'Renovacao dos cultivos de {p}'],
    'climate-resilience': ['Plano de adaptacao climatica', 'Seca nas lavouras de {p}'],
    'human-rights': ['Devida diligencia em direitos humanos', 'Prevencao do trabalho infantil na colheita'],
    'social-inclusion': ['Participacao das mulheres na diretoria', 'Programa para jovens produtores'],
  },
  en: {
    'fair-trade-visibility': ['Communication material on the {p} premium', 'Impact story for the Fairtrade campaign'],
    'market-access': [
      'Contact with {p} buyers in Europe',
      'Sales contract for {p} and minimum price',
      'New markets for {p}',
    ],
    'standards-compliance': [
      'Preparing the certification audit',
      'Non-conformity in the {p} audit',
      'Record of Fairtrade premium use',
    ],
    'sustainable-production': ['Organic pest management in {p}', 'Renewing {p} plots'],
    'climate-resilience': ['Climate adaptation plan', 'Drought in the {p} fields', 'Hurricane damage to {p} farms'],
    'human-rights': ['Human rights due diligence', 'Preventing child labour at harvest'],
    'social-inclusion': ['Women on the board', 'Programme for young farmers'],
  },
  fr: {
    'fair-trade-visibility': ['Materiel de communication sur la prime de {p}', "Recit d'impact du commerce equitable"],
    'market-access': ['Contact avec des acheteurs de {p}', 'Contrat de vente de {p} et prix minimum'],
    'standards-compliance': ["Preparation de l'audit de certification", "Non-conformite lors de l'audit de {p}"],
    'sustainable-production': ['Lutte biologique contre les ravageurs du {p}', 'Renouvellement des parcelles de {p}'],
    'climate-resilience': ["Plan d'adaptation au changement climatique", 'Secheresse dans les parcelles de {p}'],
    'human-rights': ['Diligence raisonnable en droits humains', 'Prevention du travail des enfants a la recolte'],
    'social-inclusion': ['Participation des femmes au conseil', 'Programme pour les jeunes producteurs'],
  },
};

const DESCRIPTIONS = {
  es: [
    'Somos {n} socios y necesitamos orientacion antes de la proxima cosecha. Adjuntaremos los documentos que nos pidan.',
    'La asamblea general pidio consultar este tema con la red. Agradecemos una respuesta con los pasos a seguir.',
    'Tenemos dudas sobre los requisitos y los plazos. El consejo directivo se reune el proximo mes.',
  ],
  pt: [
    'Somos {n} associados e precisamos de orientacao antes da proxima safra.',
    'A assembleia pediu para consultar a rede sobre este assunto. Agradecemos os proximos passos.',
  ],
  en: [
    'We are {n} members and need guidance before the next harvest. We will send whatever documents you need.',
    'Our general assembly asked us to raise this with the network. Please tell us the next steps.',
  ],
  fr: [
    'Nous sommes {n} membres et avons besoin de conseils avant la prochaine recolte.',
    "L'assemblee generale nous a demande de consulter le reseau. Merci de nous indiquer les prochaines etapes.",
  ],
};

const PRODUCT_LABEL = {
  es: {
    coffee: 'cafe',
    cocoa: 'cacao',
    bananas: 'banano',
    honey: 'miel',
    sugar: 'azucar',
    quinoa: 'quinua',
    flowers: 'flores',
    wine: 'vino',
    'fresh-fruit': 'fruta fresca',
    vegetables: 'hortalizas',
    cardamom: 'cardamomo',
    sesame: 'sesamo',
    'brazil-nuts': 'castana',
    stevia: 'stevia',
    blueberries: 'arandanos',
    oranges: 'naranjas',
    mangoes: 'mango',
    nutmeg: 'nuez moscada',
  },
  pt: { coffee: 'cafe', honey: 'mel', oranges: 'laranja', 'brazil-nuts': 'castanha' },
  en: { coffee: 'coffee', bananas: 'bananas', cocoa: 'cocoa', sugar: 'sugar', nutmeg: 'nutmeg' },
  fr: { coffee: 'cafe', cocoa: 'cacao', mangoes: 'mangues' },
};

export const MESSAGE_BODIES = {
  staffFirst: {
    es: [
      'Gracias por escribir. Revisamos su consulta y les enviamos una primera orientacion.',
      'Buenos dias, ya tenemos su solicitud. Pueden enviarnos el ultimo informe de auditoria?',
    ],
    pt: ['Obrigado pelo contato. Analisamos a consulta e enviamos uma primeira orientacao.'],
    en: ['Thank you for writing. We have looked at your request and send a first answer.'],
    fr: ['Merci de votre message. Nous avons examine votre demande et vous envoyons une premiere reponse.'],
  },
  member: {
    es: [
      'Adjuntamos la informacion solicitada. Quedamos atentos.',
      'Gracias, lo revisaremos en la asamblea y les confirmamos.',
    ],
    pt: ['Enviamos as informacoes solicitadas. Obrigado.'],
    en: ['Please find the requested information. Thank you.'],
    fr: ['Veuillez trouver les informations demandees. Merci.'],
  },
  staffFollowUp: {
    es: [
      'Les compartimos la guia actualizada y el contacto del especialista.',
      'Coordinamos una visita tecnica para la proxima semana.',
    ],
    pt: ['Compartilhamos o guia atualizado e o contato do especialista.'],
    en: ['We share the updated guide and the specialist contact.'],
    fr: ['Nous partageons le guide mis a jour et le contact du specialiste.'],
  },
  internal: [
    'Revisar con el equipo de certificacion antes de responder.',
    'Caso similar al del ano pasado, ver expediente.',
    'Coordinar con la direccion regional.',
  ],
};

export const SATISFACTION_COMMENTS = [
  'Muy buena atencion, gracias.',
  'Respuesta rapida y util.',
  'Tardo mas de lo esperado.',
  'Excelent service.',
  'Obrigado pela ajuda.',
];

function tokens(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** A tsvector literal ('simple' configuration) of the given texts: each token with its positions. */
export function tsvectorLiteral(texts, firstPosition = 0) {
  const positions = new Map();
  let position = firstPosition;
  for (const text of texts) {
    for (const token of tokens(text)) {
      position++;
      if (position > 16383) break;
      const list = positions.get(token);
      if (list) list.push(position);
      else positions.set(token, [position]);
    }
  }
  let out = '';
  for (const [token, list] of positions) out += `${out ? ' ' : ''}'${token}':${list.join(',')}`;
  return out;
}

/**
 * The prepared texts of each language × area × product: subject, description and the search
 * document of both (the reference is added per request).
 */
export function textCatalog(products) {
  const catalog = new Map();
  for (const [language, areas] of Object.entries(SUBJECTS)) {
    for (const [area, subjects] of Object.entries(areas)) {
      for (const product of products) {
        const label = PRODUCT_LABEL[language]?.[product] ?? PRODUCT_LABEL.es[product] ?? product;
        const variants = [];
        for (const subject of subjects) {
          for (const description of DESCRIPTIONS[language]) {
            const s = subject.replace('{p}', label);
            const d = description.replace('{n}', String(40 + ((s.length * 7) % 400)));
            // The search document after the reference's three tokens (sr, year, number).
            variants.push({ subject: s, description: d, search: tsvectorLiteral([s, d], 3) });
          }
        }
        catalog.set(`${language}|${area}|${product}`, variants);
      }
    }
  }
  return catalog;
}
