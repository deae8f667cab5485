import type { PhraseBank } from './types';

export const ES: PhraseBank = {
  language: 'es',
  products: {
    coffee: { name: 'café', pest: 'roya' },
    quinoa: { name: 'quinua', pest: 'mildiu' },
    cocoa: { name: 'cacao', pest: 'moniliasis' },
    honey: { name: 'miel', pest: 'varroa' },
    bananas: { name: 'banano', pest: 'sigatoka negra' },
    flowers: { name: 'flores', pest: 'trips' },
  },
  months: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  greeting: (name) => `Hola, ${name}:`,
  signature: (name) => `Un saludo,\n${name}`,
  topics: {
    'standards-compliance': [
      {
        subject: 'Registro de socios nuevos de {place} en el Sistema de Control Interno',
        description:
          'Este año entraron 38 socios nuevos en {place} y todavía no están en el Sistema de Control Interno. Antes de la próxima auditoría queremos saber qué datos y qué inspecciones internas necesita cada uno.',
        reply:
          'Es importante ponerlos al día antes de la auditoría: cada socio nuevo necesita su ficha, el croquis de sus parcelas, la declaración de compromiso y una primera inspección interna.',
        ask: '¿Nos envían la lista de socios nuevos con la superficie de cada uno y quién hará las inspecciones internas?',
        answer:
          'Adjuntamos la lista con superficies y fechas de ingreso. Las inspecciones las harán dos promotores que ya capacitamos el año pasado.',
        followUp:
          'La lista está completa. Les comparto la ficha de inspección actualizada y un calendario para terminar las visitas en seis semanas.',
        resolution:
          'Los socios nuevos de {place} quedan registrados en el Sistema de Control Interno con su ficha y su inspección programada. Con eso el organismo de certificación puede incluirlos en el alcance.',
        memberFile: 'lista-socios-nuevos.pdf',
        staffFile: 'ficha-inspeccion-interna.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Preparación de la auditoría de certificación de {month}',
        description:
          'La auditoría de certificación está prevista para {month}. Nos preocupan los registros de trazabilidad de {product} entre el acopio y la planta, sobre todo en {place}. ¿Podrían revisar con nosotros la lista de verificación del Criterio antes de la visita?',
        reply:
          'Gracias por escribir con tiempo. Revisemos juntos la lista de verificación: le propongo una llamada el jueves para repasar los puntos de trazabilidad y el registro de entregas por socio.',
        ask: 'Para preparar la llamada, ¿nos puede enviar el último informe de auditoría interna y el registro de acopio de {place} de los últimos tres meses?',
        answer:
          'Adjuntamos el informe de auditoría interna y el registro de acopio. Faltan las guías de dos socios que todavía están en campo; las enviaremos esta semana.',
        followUp:
          'Revisé los registros: el flujo de {product} está bien documentado, pero faltan firmas de recepción en algunas guías. Con eso corregido, el punto de trazabilidad debería quedar conforme.',
        resolution:
          'Quedan listos los puntos de control para la auditoría: trazabilidad, registros por socio y el plan de mejora de la auditoría anterior. Les dejo una guía resumida con lo que el auditor suele pedir. ¡Mucho éxito en la visita!',
        memberFile: 'informe-auditoria-interna.pdf',
        staffFile: 'guia-preparacion-auditoria.pdf',
      },
      {
        subject: 'No conformidad en {place}: herbicida de la lista de materiales peligrosos',
        description:
          'En la última auditoría nos señalaron una no conformidad porque algunos socios de {place} todavía usan un herbicida de la lista roja. Tenemos 60 días para presentar el plan de acciones correctivas y no sabemos qué alternativas proponer.',
        reply:
          'Entiendo la urgencia del plazo. La no conformidad se cierra con un plan que muestre el retiro del producto, la capacitación de los socios y alternativas de manejo; le comparto un modelo que usaron otras cooperativas.',
        ask: '¿Me confirma cuántos socios están afectados y qué producto usan exactamente? Así ajustamos el plan a su caso.',
        answer:
          'Son 23 socios de {place}; usan paraquat para limpiar las calles del cultivo. Ya hablamos con el consejo de administración y está de acuerdo en retirarlo.',
        followUp:
          'Con esos datos el plan es viable: deshierbe manual o con desbrozadora, cobertura vegetal y una jornada de capacitación. Le sugiero incluir la compra de dos desbrozadoras con la prima.',
        resolution:
          'El plan de acciones correctivas quedó completo: retiro del paraquat, capacitación en manejo de malezas y un registro de seguimiento por socio. Ya pueden enviarlo al organismo de certificación dentro del plazo.',
        memberFile: 'acta-consejo-administracion.pdf',
        staffFile: 'plan-acciones-correctivas.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Horas extra en la temporada alta de {month} según el Criterio para Trabajo Contratado',
        description:
          'En temporada alta las jornadas en la finca pasan de diez horas. Queremos saber qué exige el Criterio de Comercio Justo para Trabajo Contratado sobre horas extra y descansos antes de la reunión con la gerencia.',
        reply:
          'Buena pregunta para llevar preparada. El Criterio limita las horas extra, exige que sean voluntarias y pagadas con recargo, y pide un día de descanso por cada seis trabajados. Le resumo los requisitos.',
        ask: '¿Nos envía los registros de asistencia de las últimas cuatro semanas y el reglamento interno de la empresa?',
        answer:
          'Adjuntamos los registros de asistencia. En las semanas de San Valentín hubo jornadas de doce horas durante diez días seguidos.',
        followUp:
          'Los registros muestran semanas por encima del límite y días de descanso que no se dieron. Preparé una nota con los requisitos y una propuesta de turnos para la temporada.',
        resolution:
          'Les dejo la nota para la reunión con la gerencia: límites de horas extra, recargo, descanso semanal y la propuesta de turnos. Si la gerencia no la acepta, la auditoría puede verificar estos puntos.',
        memberFile: 'registros-asistencia.pdf',
        staffFile: 'nota-horas-extra.pdf',
        kinds: ['workers'],
      },
    ],
    'market-access': [
      {
        subject: 'Búsqueda de compradores para la próxima cosecha de {product}',
        description:
          'Esperamos una cosecha mayor que la del año pasado y nuestros compradores actuales no pueden tomar todo el volumen en condiciones de Comercio Justo. ¿Nos pueden ayudar a contactar importadores interesados en {product}?',
        reply:
          'Con gusto. Tenemos una lista de importadores que buscan {product} certificado en este momento; antes de presentarles la organización necesito algunos datos.',
        ask: '¿Nos envía la ficha de la organización con volúmenes disponibles, calidades, certificaciones y el precio del último contrato?',
        answer:
          'Adjuntamos la ficha con volúmenes, perfil de calidad y certificaciones. El último contrato se cerró al precio mínimo de Comercio Justo más el diferencial orgánico.',
        followUp:
          'Compartí su ficha con tres importadores de Europa y uno de Estados Unidos; dos pidieron muestras. Le paso sus contactos para coordinar el envío.',
        resolution:
          'Quedan en contacto directo con los dos importadores interesados, y les dejé una nota sobre cómo negociar el precio mínimo, la prima y la prefinanciación en el contrato. Cuéntennos cómo les va con las muestras.',
        memberFile: 'ficha-organizacion.pdf',
        staffFile: 'importadores-interesados.pdf',
      },
      {
        subject: 'Prefinanciación del contrato de {product} de esta campaña',
        description:
          'El comprador nos ofrece un contrato para esta campaña, pero necesitamos un adelanto para pagar el acopio a los socios. ¿Qué dice el Criterio sobre la prefinanciación y cómo la solicitamos?',
        reply:
          'El Criterio para Comerciantes obliga al comprador a ofrecer hasta el 60 % del valor del contrato como prefinanciación si la organización la pide. Revisemos el contrato para ver cómo solicitarla.',
        ask: '¿Me envía el borrador del contrato y el calendario de entregas que les propone el comprador?',
        answer:
          'Le mandamos el borrador. Las entregas serían en tres lotes y el primer pago llegaría recién a los 45 días del embarque.',
        followUp:
          'El borrador no menciona la prefinanciación ni la prima. Les propongo una cláusula para pedir el 60 % al firmar y el pago de la prima por separado; está en el documento adjunto.',
        resolution:
          'El comprador aceptó la prefinanciación del 60 % y el pago de la prima contra factura aparte. Damos el tema por resuelto; si surge algo con las entregas, escríbannos en esta misma solicitud.',
        memberFile: 'borrador-contrato.pdf',
        staffFile: 'clausulas-prefinanciacion.pdf',
      },
      {
        subject: 'Stand compartido en una feria internacional en {month}',
        description:
          'Nos invitaron a un stand compartido en una feria en Europa. Queremos llevar muestras de {product} de {place}, pero no sabemos cómo cubrir los costos ni qué materiales preparar.',
        reply:
          'Es una buena oportunidad. La red apoya la participación en ferias con parte del pasaje y el stand; le explico qué cubre y qué materiales funcionan mejor con los compradores.',
        ask: '¿Nos envía el presupuesto del viaje y una lista de las muestras y los materiales que piensan llevar?',
        answer:
          'Adjuntamos el presupuesto. Pensamos llevar muestras de tres lotes, la ficha técnica y un video corto de {place}.',
        followUp:
          'Aprobamos el apoyo para el pasaje y la mitad del stand. Les recomiendo preparar también una lista de precios con términos de entrega y una agenda de citas con compradores antes de la feria.',
        resolution:
          'Queda confirmado el apoyo para la feria y tienen la lista de compradores que visitarán el stand. Les dejo la guía de preparación con consejos para las citas comerciales.',
        memberFile: 'presupuesto-feria.pdf',
        staffFile: 'guia-ferias-comerciales.pdf',
        kinds: ['small-producer'],
      },
    ],
    'sustainable-production': [
      {
        subject: 'Análisis de suelos y abonos orgánicos para {place}',
        description:
          'Los rendimientos de {product} en {place} bajan cada año y los socios creen que es por el suelo. Queremos hacer análisis de suelos y aprender a preparar abonos orgánicos con lo que tenemos en la finca.',
        reply:
          'Buena decisión: sin análisis no se sabe qué falta. Les propongo tomar muestras por zonas y, con los resultados, una escuela de campo sobre compost y biol.',
        ask: '¿Cuántas zonas distintas hay en {place} y cuántos socios podrían participar en la escuela de campo?',
        answer:
          'Hay tres zonas (alta, media y baja) y unos 45 socios interesados. Adjuntamos el croquis con las zonas.',
        followUp:
          'Llegaron los resultados del laboratorio: suelos ácidos y con poco fósforo en la zona baja. Preparé las recomendaciones de encalado y abonamiento por zona.',
        resolution:
          'Tienen los resultados del análisis, las recomendaciones por zona y el programa de la escuela de campo sobre abonos orgánicos. Les acompañaremos en la primera sesión.',
        memberFile: 'rendimientos-por-zona.png',
        staffFile: 'recomendaciones-abonamiento.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Avance de {pest} en {place}',
        description:
          'Desde hace un mes vemos un avance fuerte de {pest} en {place}. Algunos socios hablan de perder la tercera parte de la cosecha. Pedimos apoyo técnico para un plan de manejo.',
        reply:
          'Lamento la situación. Ante un avance así conviene actuar rápido con un plan de manejo integrado: prácticas preventivas, nutrición y control biológico donde se pueda. Coordinemos la visita de un técnico.',
        ask: '¿Pueden enviarnos fotos de los daños y el número de socios y hectáreas afectados en {place}?',
        answer: 'Adjuntamos fotos de los daños. Son 41 socios afectados en {place}; en la parte alta el daño es menor.',
        followUp:
          'El técnico revisó las fotos y confirma el diagnóstico. Les propone un plan en dos etapas y una jornada de campo con los promotores.',
        resolution:
          'Queda acordado el plan de manejo de {pest}: jornada de campo con los promotores, medidas por etapas financiadas en parte con la prima y seguimiento en tres meses. Les adjunto la guía técnica.',
        memberFile: 'fotos-danos-parcelas.png',
        staffFile: 'guia-manejo-integrado.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Plan de uso de la Prima de Comercio Justo para la asamblea de {month}',
        description:
          'La asamblea general se reúne en {month} para aprobar el plan de uso de la prima. El consejo quiere proponer renovación de plantaciones y un fondo de crédito, pero no sabemos si cumple con lo que pide el Criterio.',
        reply:
          'Es un buen momento para revisarlo. El Criterio pide que el plan se base en una evaluación de necesidades, que lo apruebe la asamblea y que se informe sobre su ejecución. Los dos proyectos son elegibles.',
        ask: '¿Nos comparte el borrador del plan con el presupuesto por proyecto y el informe de uso de la prima del año pasado?',
        answer:
          'Le enviamos el borrador y el informe del año pasado. Proponemos 40 % de la prima para renovación, 35 % para el fondo de crédito y el resto para gastos de certificación.',
        followUp:
          'El borrador está bien. Les sugiero agregar indicadores simples para cada proyecto (hectáreas renovadas, socios con crédito) para el informe del próximo año.',
        resolution:
          'El plan de uso de la prima está listo para la asamblea, con presupuesto, indicadores y un acta modelo para registrar la votación. Les deseamos una buena asamblea.',
        memberFile: 'prima-por-proyecto.png',
        staffFile: 'modelo-acta-asamblea.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Consulta a los trabajadores sobre los proyectos de la prima',
        description:
          'El Comité Conjunto quiere usar la prima de este año en vivienda y becas para hijos de trabajadores de la finca. ¿Cómo hacemos la consulta a todos los trabajadores antes de decidir?',
        reply:
          'La consulta es un paso que el Criterio pide y que fortalece al Comité. Les propongo una encuesta corta y dos asambleas por turnos, para que participen también quienes trabajan de noche.',
        ask: '¿Nos envían el número de trabajadores por turno y el borrador de las preguntas que quieren hacer?',
        answer: 'Adjuntamos el borrador. Son 410 trabajadores en tres turnos; la mayoría prefiere responder en papel.',
        followUp:
          'Ajusté las preguntas para que sean más claras y agregué una sobre prioridades de vivienda. Con la encuesta en papel, conviene que dos personas del Comité la apliquen por turno.',
        resolution:
          'La consulta quedó lista: encuesta en papel, dos asambleas por turno y una plantilla para presentar los resultados. Con eso el Comité puede proponer los proyectos con respaldo de todos.',
        memberFile: 'borrador-encuesta.pdf',
        staffFile: 'guia-consulta-trabajadores.pdf',
        kinds: ['workers'],
      },
    ],
    'climate-resilience': [
      {
        subject: 'Mapa de riesgos climáticos de {place}',
        description:
          'Queremos preparar un plan de adaptación con un mapa de riesgos de {place}: heladas, sequías y deslizamientos. Un comprador nos pide mostrar qué hacemos frente al cambio climático.',
        reply:
          'Es un trabajo muy útil para la organización y para los compradores. Usamos una metodología participativa: los socios marcan en el mapa los lugares y los eventos de los últimos años.',
        ask: '¿Nos envían un croquis de {place} y la lista de eventos climáticos que recuerdan de los últimos cinco años?',
        answer:
          'Adjuntamos el croquis y la lista: dos sequías, una helada fuerte y varios deslizamientos en la época de lluvias.',
        followUp:
          'Con esa información armé el borrador del mapa y una lista de medidas priorizadas. Propongo validarlo en un taller con los delegados de sector.',
        resolution:
          'El mapa de riesgos y el plan de adaptación de {place} quedaron validados en el taller. Ya pueden compartirlos con el comprador y usarlos para pedir financiamiento.',
        memberFile: 'eventos-climaticos.pdf',
        staffFile: 'plan-adaptacion-climatica.pdf',
      },
      {
        weather: 'dry',
        subject: 'Sequía prolongada en {place}',
        description:
          'Llevamos seis semanas sin lluvias en {place} y los socios temen por la floración. ¿Hay apoyo para riego o cosecha de agua, y cómo nos preparamos si se confirma El Niño?',
        reply:
          'Gracias por avisar. Hay dos caminos: medidas inmediatas (cobertura del suelo, reservorios pequeños) y un proyecto de adaptación para presentar a un fondo climático. Empecemos por el diagnóstico.',
        ask: '¿Pueden llenar la ficha de diagnóstico climático con las fuentes de agua, las zonas más expuestas y los daños de la última campaña?',
        answer:
          'Adjuntamos la ficha de diagnóstico. Las zonas más expuestas están en la parte baja de {place}, sin fuentes de agua cercanas.',
        followUp:
          'Con el diagnóstico armé una propuesta de reservorios familiares y cobertura con leguminosas. Hay una convocatoria abierta del fondo de resiliencia que cierra el mes próximo.',
        resolution:
          'La propuesta de adaptación quedó presentada al fondo de resiliencia climática, con el diagnóstico y el presupuesto. Mientras tanto, les dejo las recomendaciones de manejo del suelo para la época seca.',
        memberFile: 'diagnostico-climatico.pdf',
        staffFile: 'recomendaciones-epoca-seca.pdf',
      },
      {
        weather: 'storm',
        subject: 'Daños por lluvias intensas en {place}',
        description:
          'Las lluvias de la semana pasada provocaron derrumbes en los caminos y daños en el centro de acopio de {place}. Necesitamos orientación para pedir apoyo de emergencia y reorganizar el acopio.',
        reply:
          'Lamentamos mucho los daños. Activamos el protocolo de emergencia: primero el registro de daños, luego la gestión con el fondo de emergencia y con sus compradores.',
        ask: '¿Nos envían el registro de daños con fotos y la lista de familias afectadas?',
        answer:
          'Van las fotos y la lista: 17 familias afectadas, el techo del centro de acopio dañado y el camino principal cortado durante dos días.',
        followUp:
          'El fondo de emergencia aprobó una primera ayuda para el techo. También avisé a sus compradores que los embarques pueden retrasarse dos semanas.',
        resolution:
          'Quedó aprobada la ayuda de emergencia para reparar el centro de acopio y los compradores aceptaron el nuevo calendario de entregas. Para la próxima temporada de lluvias les dejo un plan de contingencia.',
        memberFile: 'fotos-danos-lluvias.png',
        staffFile: 'plan-contingencia-lluvias.pdf',
      },
    ],
    'human-rights': [
      {
        subject: 'Política de género y prevención de la violencia en {place}',
        description:
          'El comité de mujeres de {place} pide que la organización tenga una política de género y un protocolo ante casos de violencia. Queremos un modelo y saber cómo aprobarlo.',
        reply:
          'Es un paso importante y cada vez más pedido por los compradores. Tenemos un modelo de política y de protocolo que se adapta con el comité y se aprueba en asamblea.',
        ask: '¿Nos envían los estatutos y cuéntennos si ya existe alguna persona o instancia que reciba casos?',
        answer:
          'Adjuntamos los estatutos. Hoy los casos llegan a la presidenta del comité de mujeres, sin un procedimiento escrito.',
        followUp:
          'Adapté el modelo a su organización: principios, responsables, un canal confidencial y plazos. Lo revisamos con el comité el martes.',
        resolution:
          'La política de género y el protocolo quedaron listos para la asamblea, revisados con el comité de mujeres. Les dejo una presentación corta para explicarlos a los socios.',
        memberFile: 'estatutos-organizacion.pdf',
        staffFile: 'politica-genero-protocolo.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Evaluación de riesgos de trabajo infantil en la cosecha de {place}',
        description:
          'En la cosecha muchas familias de {place} llevan a sus hijos al campo. Queremos hacer la evaluación de riesgos de derechos humanos que pide el Criterio y no sabemos por dónde empezar.',
        reply:
          'Es un paso muy importante. La evaluación empieza por identificar dónde están los riesgos (tareas, épocas, comunidades) y se hace con la participación de jóvenes y familias. Les acompañamos en el proceso.',
        ask: '¿Nos cuentan cuántas familias participan en la cosecha y si ya tienen un comité o una persona responsable del tema?',
        answer: 'Son unas 300 familias. Todavía no tenemos comité; la secretaria del consejo se ofreció a coordinar.',
        followUp:
          'Les propongo formar un comité de cuatro personas y hacer un primer taller con las familias. Les comparto la herramienta de evaluación y el ejemplo de otra cooperativa.',
        resolution:
          'El comité quedó conformado y tienen la herramienta de evaluación y el cronograma de talleres. Revisaremos juntos los resultados del primer mapeo de riesgos cuando lo tengan.',
        memberFile: 'lista-familias-cosecha.pdf',
        staffFile: 'herramienta-evaluacion-riesgos.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Condiciones de los jornaleros de la cosecha en {place}',
        description:
          'Algunos socios de {place} contratan jornaleros en la cosecha y el auditor preguntó por sus condiciones: pago, jornada, agua potable y equipos de protección. Queremos orientar bien a los socios.',
        reply:
          'Es un tema que las auditorías miran cada vez más. Les preparo una lista corta de lo que cada socio debe cumplir con sus jornaleros y un formato de registro sencillo.',
        ask: '¿Cuántos socios contratan jornaleros y cuántas personas en promedio? ¿Pagan por día o por cantidad cosechada?',
        answer:
          'Son 60 socios con dos o tres jornaleros cada uno en el pico de la cosecha. La mayoría paga por cantidad cosechada; algunos por día.',
        followUp:
          'Con el pago por cantidad cosechada hay que asegurar que nadie gane menos del salario mínimo por día. Agregué al formato una columna para verificarlo.',
        resolution:
          'Tienen la lista de requisitos y el formato de registro para los jornaleros. Les sugiero presentarlos en las reuniones de sector antes de la cosecha.',
        memberFile: 'socios-con-jornaleros.pdf',
        staffFile: 'requisitos-jornaleros.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Procedimiento de quejas por acoso en la sala de poscosecha',
        description:
          'Varias trabajadoras de la sala de poscosecha denunciaron comentarios y presiones de un supervisor. Queremos saber cómo debe funcionar un procedimiento de quejas confidencial según el Criterio y qué hacer mientras tanto.',
        reply:
          'Gracias por la confianza. Lo primero es proteger a las trabajadoras: la queja debe recibirla una persona independiente del supervisor y sin represalias. Les explico el procedimiento que pide el Criterio.',
        ask: '¿Nos envían el procedimiento de quejas que tiene hoy la empresa, si existe, y el contacto del comité de género?',
        answer:
          'Adjuntamos el procedimiento actual; las quejas llegan al mismo jefe de área, por eso nadie se anima a usarlo.',
        followUp:
          'El procedimiento no cumple: falta un canal confidencial y plazos de respuesta. Preparé una propuesta con buzón, comité mixto y plazos, para llevarla a la gerencia con el sindicato.',
        resolution:
          'La gerencia aceptó el nuevo procedimiento: buzón confidencial, comité mixto con el sindicato y plazos de respuesta. El supervisor fue separado mientras se investiga. Seguimos atentos al caso.',
        memberFile: 'procedimiento-quejas-actual.pdf',
        staffFile: 'propuesta-procedimiento-quejas.pdf',
        kinds: ['workers'],
      },
    ],
    'social-inclusion': [
      {
        subject: 'Relevo generacional: jóvenes de {place} que dejan el campo',
        description:
          'Cada año más jóvenes de {place} se van a la ciudad y los socios tienen en promedio más de 55 años. Queremos un programa que les dé razones para quedarse: tierra, formación y un ingreso.',
        reply:
          'Es una preocupación de toda la red. Hay experiencias de parcelas demostrativas manejadas por jóvenes, becas técnicas y emprendimientos de servicios (poda, catación, viveros).',
        ask: '¿Nos cuentan cuántos jóvenes hijos de socios hay en {place} y qué les interesa hacer?',
        answer:
          'Hicimos una encuesta: son 72 jóvenes; a la mitad le interesan los viveros y la poda, y a varios la catación.',
        followUp:
          'Con la encuesta preparé una propuesta: un vivero manejado por jóvenes y un curso de poda certificado, con una parte de la prima como capital inicial.',
        resolution:
          'La propuesta del programa de jóvenes quedó lista para presentarla a la asamblea: vivero, curso de poda y un fondo semilla. Les dejo el presupuesto y el cronograma.',
        memberFile: 'encuesta-jovenes.png',
        staffFile: 'programa-relevo-generacional.pdf',
        kinds: ['small-producer'],
      },
      {
        subject: 'Más jóvenes y mujeres en el consejo directivo: asamblea de {month}',
        description:
          'En la asamblea de {month} elegimos consejo y queremos que haya más jóvenes y mujeres. ¿Tienen experiencias de otras organizaciones o un reglamento modelo?',
        reply:
          '¡Qué buena iniciativa! Varias organizaciones de la red modificaron su estatuto para asegurar cupos o crearon comités de jóvenes y de mujeres con voz en el consejo. Le cuento las opciones.',
        ask: '¿Nos envía el estatuto vigente, para ver qué se puede cambiar sin una asamblea extraordinaria?',
        answer:
          'Adjuntamos el estatuto. Hoy, de nueve miembros del consejo solo una es mujer y ninguno tiene menos de 35 años.',
        followUp:
          'El estatuto permite crear comités por acuerdo de asamblea ordinaria. Les propongo un comité de jóvenes y otro de mujeres, cada uno con un asiento en el consejo.',
        resolution:
          'Queda lista la propuesta para la asamblea: dos comités nuevos con un asiento en el consejo cada uno y una capacitación en liderazgo financiada con la prima. Les dejo el modelo de reglamento.',
        memberFile: 'estatuto-vigente.pdf',
        staffFile: 'modelo-reglamento-comites.pdf',
      },
      {
        subject: 'Capacitación en gestión financiera para las socias de {place}',
        description:
          'Las socias de {place} manejan pequeños negocios con la venta de {product}, pero muchas no llevan cuentas. Queremos organizar una capacitación en gestión financiera y ahorro.',
        reply:
          'Nos parece muy valioso. Tenemos un módulo de educación financiera pensado para organizaciones rurales, con ejercicios prácticos; se puede dar en tres sesiones.',
        ask: '¿Nos dicen cuántas socias participarían, en qué horarios pueden y si hay un local con mesas?',
        answer: 'Serían unas 35 socias. Pueden los sábados por la mañana en el local comunal de {place}.',
        followUp:
          'Coordiné con una facilitadora de la red que puede ir tres sábados seguidos. Les envío el programa para que lo revisen con las socias.',
        resolution:
          'La capacitación quedó programada para tres sábados, con materiales y cuadernos de cuentas para cada socia. Al final haremos una evaluación corta para ver qué más necesitan.',
        memberFile: 'lista-socias.pdf',
        staffFile: 'programa-educacion-financiera.pdf',
      },
    ],
    'fair-trade-visibility': [
      {
        subject: 'Visita de compradores y periodistas a {place} en {month}',
        description:
          'Un grupo de compradores y dos periodistas quieren visitar {place} en {month} para conocer el trabajo con la prima. Necesitamos ayuda para organizar el programa y los mensajes clave.',
        reply:
          'Es una gran oportunidad para mostrar el impacto. Les propongo un programa de dos días: parcelas, planta de acopio, un proyecto de la prima y una conversación con socias y socios.',
        ask: '¿Nos envían la lista de visitantes, las fechas exactas y qué proyecto de la prima quieren mostrar?',
        answer:
          'Adjuntamos la lista de visitantes. Queremos mostrar el fondo de crédito y el centro de acopio que se construyó con la prima.',
        followUp:
          'Preparé el programa y una hoja con cifras clave (socios, volúmenes, prima recibida y su uso). También coordiné el transporte desde la ciudad.',
        resolution:
          'La visita quedó organizada: programa, hoja de cifras y transporte. Después de la visita, cuéntennos cómo salió para difundirla en la red.',
        memberFile: 'lista-visitantes.pdf',
        staffFile: 'programa-visita.pdf',
      },
      {
        subject: 'Historia de impacto de {place} para la Quincena del Comercio Justo',
        description:
          'Queremos contar cómo usamos la prima en {place} para la campaña de la Quincena del Comercio Justo. ¿Qué formato necesitan y cómo enviamos las fotos con los permisos?',
        reply:
          '¡Gracias! Las historias de las organizaciones son lo que más interesa a los consumidores. Necesitamos un texto breve, tres o cuatro fotos y el consentimiento firmado de las personas que aparecen.',
        ask: '¿Nos envían el texto, las fotos y los consentimientos? Con eso lo preparamos para las redes.',
        answer:
          'Les enviamos la historia del aula construida con la prima, las cifras de lo invertido y los consentimientos firmados.',
        followUp:
          'La historia quedó muy bien. La editamos un poco para las redes; les comparto el borrador para que lo aprueben.',
        resolution:
          'La historia ya está publicada en la campaña de la Quincena y la compartimos con los compradores. Muchas gracias por mostrar lo que hace la prima en {place}.',
        memberFile: 'prima-invertida.png',
        staffFile: 'borrador-historia.pdf',
      },
      {
        subject: 'Sello FAIRTRADE en el empaque de {product} de nuestra marca',
        description:
          'Queremos vender {product} en el mercado nacional con nuestra propia marca y poner el sello FAIRTRADE en el empaque. ¿Qué requisitos hay y a quién pedimos la autorización?',
        reply:
          'Es posible. Usar el sello en el mercado nacional requiere una licencia y que el producto cumpla la trazabilidad física. Le explico los pasos.',
        ask: '¿Nos envía el diseño del empaque y el nombre de la empresa que hará el procesamiento y el envasado?',
        answer: 'Adjuntamos el diseño. El envasado lo hacemos en nuestra propia planta de {place}.',
        followUp:
          'El diseño necesita dos ajustes: el tamaño mínimo del sello y el texto de trazabilidad. Ya pedimos la licencia a la organización nacional.',
        resolution:
          'La licencia para usar el sello en el mercado nacional quedó aprobada y el diseño corregido cumple las reglas de uso. ¡Éxitos con la nueva marca!',
        memberFile: 'diseno-empaque.pdf',
        staffFile: 'reglas-uso-sello.pdf',
        kinds: ['small-producer'],
      },
    ],
  },
  resumed: 'Retomamos el caso. Revisamos con ustedes el punto que quedó pendiente y les respondemos esta semana.',
  resolvedAgain: 'Quedó resuelto el punto pendiente. Si vuelve a pasar, escríbannos en esta misma solicitud.',
  thanks: [
    'Muchas gracias, lo revisamos con el consejo y les confirmamos.',
    'Gracias por la respuesta tan rápida. Seguimos en contacto.',
    'Perfecto, así lo haremos. Gracias.',
    'Recibido, gracias. Lo compartimos con los socios en la próxima reunión.',
  ],
  reopen: [
    'La solución no funcionó: el problema volvió a aparecer.',
    'El comprador todavía no confirma; necesitamos seguir con el tema.',
    'Quedó un punto pendiente que no se resolvió.',
  ],
  withdraw: [
    'Lo resolvimos directamente con el comprador.',
    'Lo vamos a tratar primero en la asamblea.',
    'La enviamos por error; la presentaremos de nuevo con más detalle.',
  ],
  waiting: [
    'Esperamos los documentos solicitados.',
    'Esperamos su confirmación.',
    'Falta la información pedida a la organización.',
  ],
  comments: {
    good: [
      'Muy buena atención, respondieron rápido y con claridad.',
      'La guía nos sirvió mucho para la asamblea. ¡Gracias!',
      'Excelente acompañamiento de principio a fin.',
      'Nos ayudaron a resolverlo antes de la auditoría.',
    ],
    fair: [
      'Se resolvió, aunque tardó más de lo que esperábamos.',
      'La información fue útil, pero nos faltó una visita en campo.',
    ],
    poor: [
      'Tuvimos que insistir varias veces para tener respuesta.',
      'La respuesta llegó tarde para lo que necesitábamos.',
    ],
  },
  notes: [
    'Llamé al gerente de la organización: confirma lo que escribieron y pide respuesta antes de fin de mes.',
    'Ojo: esta organización tuvo un caso parecido hace dos años; revisar cómo se cerró.',
    'Consulté con el equipo de certificación; el requisito aplica como lo entendemos.',
    'Pendiente: revisar con finanzas si el fondo todavía tiene saldo este año.',
    'Buen caso para compartir en la reunión regional del equipo.',
    'El consejo de administración cambia en la próxima asamblea: conviene cerrarlo antes.',
  ],
  escalation: [
    'Requiere una decisión de la dirección regional sobre el fondo de emergencia.',
    'El comprador es de otra región; lo coordina mejor la dirección.',
    'Hay un conflicto con la gerencia de la organización: necesita la intervención de la dirección.',
  ],
  reassignment: [
    'Balance de carga de trabajo en el equipo.',
    'Lo sigue quien conoce mejor a la organización.',
    'Vacaciones del responsable: pasa a un colega.',
    'Requiere conocimiento técnico del área.',
  ],
  document: { prepared: 'Preparado por', date: 'Fecha', page: 'Página 1 de 1' },
};
